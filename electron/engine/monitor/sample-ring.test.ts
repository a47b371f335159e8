import { describe, expect, it } from 'vitest';
import type { MonitorSample } from '../../../shared/monitor/monitor-types';
import { MAX_TABLE_ENTRIES, SampleRing } from './sample-ring';

const T0 = Date.UTC(2026, 10, 22, 9, 30);
const OK: MonitorSample = {
  seq: 0,
  atMs: T0,
  result: 'challenge',
  address: '10.0.0.2',
  status: 401,
  methods: ['Negotiate', 'NTLM'],
  timings: { dnsMs: 1.2, connectMs: 3.4, tlsMs: 12.7, ttfbMs: 8.1, totalMs: 25.9 },
  connection: 'new',
  certificate: { trusted: false, error: 'CERT_HAS_EXPIRED' },
};
const FAILED: MonitorSample = { seq: 1, atMs: T0 + 1000, result: 'error', address: '10.0.0.3', timings: { connectMs: 2, totalMs: 900 }, connection: 'new', error: { kind: 'timeout', message: 'no answer within 900 ms (waiting for the response headers)' } };
const MISSED: MonitorSample = { seq: 2, atMs: T0 + 2000, result: 'missed', missed: 'busy' };
const DNS: MonitorSample = { seq: 3, atMs: T0 + 3000, result: 'error', timings: { dnsMs: 3.5, totalMs: 3.5 }, error: { kind: 'dns', code: 'ENOTFOUND', message: 'mail.contoso.test: no such name' } };

describe('the sample ring', () => {
  it('gives back every field of the samples it holds', () => {
    const ring = new SampleRing(10);
    for (const s of [OK, FAILED, MISSED, DNS]) ring.push(s);
    expect(ring.toArray()).toEqual([OK, FAILED, MISSED, DNS]);
    expect(ring.toArray(2)).toEqual([MISSED, DNS]);
  });

  it('keeps the newest samples when full, in order', () => {
    const ring = new SampleRing(3);
    for (let i = 0; i < 10; i += 1) ring.push({ ...OK, seq: i, atMs: T0 + i * 1000 });
    expect(ring.toArray().map((s) => s.seq)).toEqual([7, 8, 9]);
    expect(ring.dropped).toBe(7);
    expect(ring.size).toBe(3);
  });

  it('stays within its tables when every error text differs', () => {
    const ring = new SampleRing(5);
    for (let i = 0; i < MAX_TABLE_ENTRIES + 10; i += 1) ring.push({ ...FAILED, seq: i, error: { kind: 'reset', message: `reset after ${i} bytes` } });
    const last = ring.toArray(1)[0]!;
    expect(last.error).toMatchObject({ kind: 'reset', message: expect.stringContaining('too many different messages') as string });
  });
});
