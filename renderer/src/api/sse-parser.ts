/** One Server-Sent Event: its name (`message` when none was given) and its data lines joined. */
export interface SseMessage {
  event: string;
  data: string;
}

/** An event stream may not send a line longer than this without a break; guards the page's memory. */
const MAX_PENDING_CHARS = 16 * 1024 * 1024;

/**
 * Incremental parser of the `text/event-stream` format (the subset the web bridge sends:
 * `event:`, `data:`, comments, blank line ends an event).
 *
 * Fed text chunks as they arrive, in any split; used instead of `EventSource` because that
 * cannot send the bridge's token in a header.
 */
export function createSseParser(onMessage: (message: SseMessage) => void): { push(chunk: string): void } {
  let pending = '';
  let event = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return {
    push(chunk) {
      pending += chunk;
      if (pending.length > MAX_PENDING_CHARS) throw new Error('event stream line too long');
      let index: number;
      while ((index = pending.search(/\r\n|\r|\n/)) >= 0) {
        const breakLength = pending.startsWith('\r\n', index) ? 2 : 1;
        line(pending.slice(0, index));
        pending = pending.slice(index + breakLength);
      }
    },
  };
}
