import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser';

function parse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = createSseParser((m) => out.push(m));
  chunks.forEach((c) => parser.push(c));
  return out;
}

describe('createSseParser', () => {
  it('reads events split anywhere across chunks', () => {
    const stream = 'event: ready\ndata: {}\n\n: keep-alive\n\nevent: diagnosis:event\ndata: {"a":1}\n\n';
    const expected = [
      { event: 'ready', data: '{}' },
      { event: 'diagnosis:event', data: '{"a":1}' },
    ];
    expect(parse([stream])).toEqual(expected);
    expect(parse(stream.split(''))).toEqual(expected);
  });

  it('handles CRLF, multi-line data and events without a name', () => {
    expect(parse(['data: one\r\ndata: two\r\n\r\n'])).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('ignores an event without data and a half event at the end', () => {
    expect(parse(['event: x\n\nevent: y\ndata: 1'])).toEqual([]);
  });
});
