/**
 * The IPC channels between the app's page and its host, declared once.
 *
 * Namespaced `area:verb`. Invoke channels carry one request and one response; event channels go
 * from the host to the page only. The preload, the main process and the web bridge all take their
 * channel lists from here, so a channel that is not declared cannot be used anywhere.
 */
export const INVOKE_CHANNELS = [
  'app:info',
  'app:defaults',
  'app:set-language',
  'diagnosis:start',
  'diagnosis:cancel',
  'clipboard:write-text',
  'bundle:preview',
  'bundle:save',
  'bundle:reveal',
  'bundle:open',
  'bundle:open-file',
  'monitor:start',
  'monitor:stop',
  'monitor:mark',
  'monitor:state',
] as const;

export const EVENT_CHANNELS = ['diagnosis:event', 'app:command', 'bundle:progress', 'monitor:event'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isInvokeChannel(value: string): value is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: string): value is EventChannel {
  return (EVENT_CHANNELS as readonly string[]).includes(value);
}
