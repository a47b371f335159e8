import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../e2e/fixtures/bundle-fixture';
import type { HttpExchange } from '../model/probe-data';
import { buildHar, harTimings } from './build-har';

const schema = JSON.parse(readFileSync(new URL('../../e2e/fixtures/har-1.2.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('buildHar', () => {
  const har = buildHar(sampleReport(), { toolVersion: '1.2.3', comment: 'redacted' });

  it('is valid HAR 1.2', () => {
    const valid = validate(JSON.parse(JSON.stringify(har)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects what Chrome and Fiddler would not import', () => {
    const broken = JSON.parse(JSON.stringify(har)) as { log: { entries: Record<string, unknown>[] } };
    delete (broken.log.entries[0]!.timings as Record<string, unknown>).wait;
    broken.log.entries[1]!.startedDateTime = 'yesterday';
    (broken.log.entries[2]!.response as Record<string, unknown>).status = '200';
    broken.log.entries[3]!.unknownField = 1;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(['/log/entries/0/timings', '/log/entries/1/startedDateTime', '/log/entries/2/response/status', '/log/entries/3']);
  });

  it('holds every probe whose data is an HTTP exchange, found by shape, oldest first', () => {
    const comments = har.log.entries.map((e) => e.comment);
    expect(comments.map((c) => c!.split(' ')[1])).toEqual([
      'connectivity:ncsi',
      'http:mapi-anonymous',
      'http:mapi-ntlm-1',
      'http:mapi-ntlm-3',
      'http:ews-basic',
      'http:ews-negotiate',
      'autodiscover.json:contoso.test',
      'http:rpc-timeout',
    ]);
    const times = har.log.entries.map((e) => Date.parse(e.startedDateTime));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(har.log.creator).toEqual({ name: 'outlook-doktor', version: '1.2.3' });
    expect(har.log.entries.every((e) => e.pageref === har.log.pages![0]!.id)).toBe(true);
  });

  it('maps request, response, cookies, query, body preview and server address', () => {
    const anon = har.log.entries[1]!;
    expect(anon.request).toMatchObject({ method: 'POST', httpVersion: 'HTTP/1.1', queryString: [{ name: 'MailboxId', value: '0b9a5d4c@contoso.test' }], bodySize: 0 });
    expect(anon.response.status).toBe(401);
    expect(anon.response.headers.filter((h) => h.name === 'WWW-Authenticate').map((h) => h.value)).toEqual(['Negotiate', 'NTLM', 'Basic realm="mail.contoso.test"']);
    expect(anon.response.cookies[0]).toMatchObject({ name: 'ClientId', path: '/', secure: true, httpOnly: true, expires: '2027-11-22T09:15:00.000Z' });
    expect(anon.response.content).toMatchObject({ mimeType: 'text/html', comment: 'body truncated: only the start was recorded' });
    expect(anon.response.content.text).toContain('<script>alert(1)</script>');
    expect(anon.serverIPAddress).toBe('127.0.0.2');
    expect(anon.connection).toBe('443');
    const redirect = har.log.entries[6]!;
    expect(redirect.response.redirectURL).toMatch(/^https:\/\/login\.contoso\.test\/cb\?code=/);
    expect(redirect.serverIPAddress).toBeUndefined();
  });

  it('writes a request that got no answer the way browsers do', () => {
    const timeout = har.log.entries[7]!;
    expect(timeout.response).toMatchObject({ status: 0, statusText: '', headers: [], bodySize: -1, _error: 'timeout: no response within 5000 ms' });
    expect(timeout.timings).toEqual({ blocked: -1, dns: -1, connect: 12, send: 0, wait: 4988, receive: 0, ssl: -1 });
    expect(timeout.time).toBe(5000);
  });

  it('maps timings: TLS inside connect, -1 where unknown, time = sum of the phases', () => {
    expect(harTimings({ timings: { connectMs: 11.2, tlsMs: 24.9, ttfbMs: 31.5, totalMs: 70.1 } })).toEqual({ blocked: -1, dns: -1, connect: 36.1, send: 0, wait: 31.5, receive: 2.5, ssl: 24.9 });
    expect(harTimings({ timings: { totalMs: 40 } })).toEqual({ blocked: -1, dns: -1, connect: -1, send: 0, wait: 40, receive: 0, ssl: -1 });
    for (const e of har.log.entries) {
      const t = e.timings;
      expect(e.time).toBeCloseTo(Math.max(0, t.connect ?? 0) + (t.send ?? 0) + t.wait + t.receive, 3);
      expect(t.ssl ?? -1).toBeLessThanOrEqual(Math.max(t.connect ?? -1, t.ssl ?? -1));
    }
  });
});

describe('buildHar with exchanges nested in probe data', () => {
  const report = sampleReport();
  const base = report.probes.find((p) => p.id === 'http:mapi-anonymous')!.data as unknown as HttpExchange;
  const at = (url: string, method: string, address: string, offsetMs: number): HttpExchange => ({
    ...structuredClone(base),
    request: { ...base.request, method, url },
    address,
    startedAt: new Date(Date.parse(base.startedAt) + offsetMs).toISOString(),
  });
  report.probes.push(
    {
      id: 'autodiscover',
      kind: 'autodiscover',
      target: 'contoso.test',
      status: 'ok',
      startedAt: report.probes[0]!.startedAt,
      durationMs: 80,
      summary: 'walk',
      data: {
        domain: 'contoso.test',
        candidates: [
          { method: 'autodiscover-domain', url: 'https://autodiscover.contoso.test/autodiscover/autodiscover.xml', exchanges: [at('https://autodiscover.contoso.test/autodiscover/autodiscover.xml?hop=0', 'POST', '127.0.4.2', 1)] },
          {
            method: 'redirect',
            url: 'https://autodiscover.contoso.test:8443/autodiscover/autodiscover.xml?hop=1',
            exchanges: [at('https://autodiscover.contoso.test:8443/autodiscover/autodiscover.xml?hop=1', 'POST', '127.0.4.3', 2), at('https://autodiscover.contoso.test:8443/autodiscover/autodiscover.xml?hop=1', 'POST', '127.0.4.3', 3)],
          },
          // Not a list of exchanges: ignored, as is anything below the nesting cap.
          { method: 'srv', exchanges: [{ request: 'nope' }], deep: { a: { b: { c: { exchanges: [at('http://too.deep/', 'GET', '127.0.0.9', 4)] } } } } },
        ],
      },
    },
    {
      id: 'proxy.config:https://mail.contoso.test/',
      kind: 'proxy',
      target: 'https://mail.contoso.test/',
      status: 'ok',
      startedAt: report.probes[0]!.startedAt,
      durationMs: 20,
      summary: 'pac',
      data: { url: 'https://mail.contoso.test/', address: '10.9.9.9', pac: { url: 'http://wpad.contoso.test/wpad.dat', exchanges: [at('http://wpad.contoso.test/wpad.dat', 'GET', '127.0.0.7', 5)] } },
    },
  );
  const har = buildHar(report, { toolVersion: '1.2.3' });
  const nested = har.log.entries.filter((e) => /^probe (autodiscover|proxy\.config:\S+) \(/.test(e.comment ?? ''));

  it('collects every exchange of every `exchanges` list, each with its own address and port, and stays valid HAR 1.2', () => {
    expect(nested.map((e) => `${e.request.method} ${e.request.url} ${e.serverIPAddress} ${e.connection}`)).toEqual([
      'POST https://autodiscover.contoso.test/autodiscover/autodiscover.xml?hop=0 127.0.4.2 443',
      'POST https://autodiscover.contoso.test:8443/autodiscover/autodiscover.xml?hop=1 127.0.4.3 8443',
      'POST https://autodiscover.contoso.test:8443/autodiscover/autodiscover.xml?hop=1 127.0.4.3 8443',
      'GET http://wpad.contoso.test/wpad.dat 127.0.0.7 80',
    ]);
    expect(har.log.entries).toHaveLength(8 + 4);
    expect(validate(JSON.parse(JSON.stringify(har)))).toBe(true);
  });

  it('keeps the capped body preview of a nested exchange', () => {
    expect(nested[0]!.response.content).toMatchObject({ mimeType: 'text/html', comment: 'body truncated: only the start was recorded' });
  });
});
