import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { createRunServices, type ClosableRunServices } from '../create-run-services';
import { prepareRun } from '../engine-options';
import { inMaskedNet, inPrefix, MAX_PAC_LOOKUPS, sortAddresses } from './pac-helpers';
import { evaluatePac, PAC_EVAL_TIMEOUT_MS, PAC_MAX_BLOCKING_MS, type PacEnvironment } from './pac-sandbox';

/**
 * The PAC sandbox with real name lookups: the run's resolver on the lab DNS server
 * (`--dns-server`), so `dnsResolve` inside a script sees the run's names and nothing else.
 */

let dns: LabDnsServer;
let services: ClosableRunServices;
let environment: PacEnvironment;

beforeAll(async () => {
  dns = await startLabDnsServer({ zone: { 'mail.contoso.test': ['10.20.30.40'], 'intranet.contoso.test': ['192.168.7.9'] } });
  const prepared = await prepareRun({ server: 'mail.contoso.test', dnsServers: dns.servers, hostsFile: '/nonexistent-hosts' });
  services = createRunServices(prepared.input, { extraCa: [], hostsFile: '/nonexistent-hosts' });
  environment = { lookup: (name, signal) => services.lookup(name, signal), localAddresses: ['192.0.2.10', '2001:db8::10'] };
});
afterAll(async () => {
  await services.close();
  await dns.close();
});

const URL_ = 'https://mail.contoso.test/';
const run = (script: string, timeoutMs?: number) => evaluatePac(script, URL_, environment, AbortSignal.timeout(30_000), timeoutMs);

describe('PAC evaluation in the sandbox', () => {
  it('returns what FindProxyForURL answers', async () => {
    expect(await run('function FindProxyForURL(url, host) { return "PROXY proxy.contoso.test:8080; DIRECT"; }')).toEqual({
      result: 'PROXY proxy.contoso.test:8080; DIRECT',
      lookups: 0,
    });
  });

  it('resolves names with the run\'s resolver and knows this machine\'s address', async () => {
    const before = dns.queries.length;
    const script = `function FindProxyForURL(url, host) {
      if (!isResolvable(host)) return "DIRECT";
      if (isInNet(host, "10.0.0.0", "255.0.0.0") && shExpMatch(host, "*.contoso.test")) return "PROXY " + dnsResolve("intranet.contoso.test") + ":3128";
      return "DIRECT";
    }`;
    const evaluation = await run(script);
    expect(evaluation).toMatchObject({ result: 'PROXY 192.168.7.9:3128', lookups: 2 });
    // The lab DNS server answered them: the script did not use the operating system's resolver.
    expect(dns.queries.slice(before).map((q) => q.name)).toEqual(expect.arrayContaining(['mail.contoso.test', 'intranet.contoso.test']));
    expect((await run('function FindProxyForURL(u, h) { return myIpAddress() + " " + myIpAddressEx() + " " + dnsResolveEx(h); }')).result).toBe(
      '192.0.2.10 192.0.2.10;2001:db8::10 10.20.30.40',
    );
    expect((await run('function FindProxyForURL(u, h) { return String(dnsResolve("nonexistent.contoso.test")); }')).result).toBe('null');
  });

  it('gives the script nothing of Node: no require, process, fetch, file system or console output', async () => {
    const evaluation = await run(
      'function FindProxyForURL(u, h) { alert("x"); return [typeof require, typeof process, typeof fetch, typeof std, typeof os, typeof globalThis.Buffer].join(","); }',
    );
    expect(evaluation.result).toBe('undefined,undefined,undefined,undefined,undefined,undefined');
  });

  it('stops an endless loop once it has held the CPU for the blocking limit, even when the script catches errors', async () => {
    const started = performance.now();
    const evaluation = await run('function FindProxyForURL(u, h) { while (true) {} }');
    expect(evaluation.error).toMatchObject({ kind: 'timeout', code: 'cpu' });
    // Generous margin for a loaded machine; without the limit this would never return.
    expect(performance.now() - started).toBeLessThan(PAC_MAX_BLOCKING_MS + 2_000);
    const catching = await run('function FindProxyForURL(u, h) { for (;;) { try { while (true) {} } catch (e) {} } }');
    expect(catching.error).toMatchObject({ kind: 'timeout', code: 'cpu' });
  });

  it('stops an endless loop in the script\'s top level, and one that keeps resolving names', async () => {
    expect((await run('while (true) {} function FindProxyForURL(u, h) { return "DIRECT"; }')).error).toMatchObject({ kind: 'timeout', code: 'cpu' });
    const before = dns.queries.length;
    const looping = await run('function FindProxyForURL(u, h) { var i = 0; while (true) { dnsResolve("n" + (i++) + ".contoso.test"); } }');
    expect(looping.error?.kind).toBe('timeout');
    // Name lookups are capped per evaluation (A and AAAA per name).
    expect(dns.queries.length - before).toBeLessThanOrEqual(MAX_PAC_LOOKUPS * 2);
  });

  it('looks up names the script needs one after another, within the lookup cap', async () => {
    const script = `function FindProxyForURL(u, h) {
      var a = dnsResolve(h);
      var b = a && dnsResolve("intranet.contoso.test");
      var names = [];
      for (var i = 0; i < 10; i++) names.push(isResolvable("host" + i + ".contoso.test") ? "y" : "n");
      return String(a) + " " + String(b) + " " + [dnsResolve(h)].join() + " " + names.join("").length;
    }`;
    const evaluation = await run(script);
    // Nested and wrapped calls work (pac-resolver's async rewriting would miss String(dnsResolve(…))).
    expect(evaluation).toMatchObject({ result: '10.20.30.40 192.168.7.9 10.20.30.40 10', lookups: 12 });
    const many = await run('function FindProxyForURL(u, h) { for (var i = 0; i < 100; i++) isResolvable("many" + i + ".contoso.test"); return "DIRECT"; }');
    expect(many).toEqual({ result: 'DIRECT', lookups: MAX_PAC_LOOKUPS });
  });

  it('ends at the deadline when lookups are slow', async () => {
    dns.set('slow.contoso.test', { addresses: ['10.9.9.9'], delayMs: 5_000 });
    const started = performance.now();
    const evaluation = await run('function FindProxyForURL(u, h) { return dnsResolve("slow.contoso.test") || "DIRECT"; }', 300);
    expect(evaluation.error?.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(300 + 2_000);
  });

  it('stops endless allocation at the memory limit', async () => {
    const strings = await run('function FindProxyForURL(u, h) { var s = "x"; while (true) s += s; }');
    expect(strings.error).toMatchObject({ kind: 'eval', code: 'memory' });
    const array = await run('function FindProxyForURL(u, h) { var a = new Array(1e8).fill(1); return "DIRECT"; }');
    expect(array.error).toMatchObject({ kind: 'eval', code: 'memory' });
    const objects = await run('function FindProxyForURL(u, h) { var a = []; while (true) a.push({ n: a.length }); }');
    expect(objects.error?.code).toMatch(/^(memory|cpu)$/);
  });

  it('tells a script that cannot be read from one that fails while it runs', async () => {
    expect((await run('function FindProxyForURL(u, h) { return "DIRECT" ')).error?.kind).toBe('syntax');
    const failing = await run('function FindProxyForURL(u, h) { return isInNett(h, "10.0.0.0", "255.0.0.0") ? "DIRECT" : "DIRECT"; }');
    expect(failing.error).toMatchObject({ kind: 'eval', message: expect.stringMatching(/ReferenceError: .*isInNett/) as string });
    expect((await run('var x = 1;')).error?.kind).toBe('eval');
    expect((await run('function FindProxyForURL(u, h) { function r() { return r(); } return r(); }')).error?.kind).toBe('eval');
  });

  it('passes other answers through for the caller to judge', async () => {
    expect((await run('function FindProxyForURL(u, h) { return 42; }')).result).toBe(42);
    expect((await run('function FindProxyForURL(u, h) { return null; }')).result).toBeNull();
  });

  it('ends at once when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const evaluation = await evaluatePac('function FindProxyForURL(u, h) { return dnsResolve(h); }', URL_, environment, controller.signal, PAC_EVAL_TIMEOUT_MS);
    expect(evaluation.error?.kind).toBe('timeout');
  });
});

describe('PAC address helpers', () => {
  it('match networks the way Netscape and Microsoft define them', () => {
    expect(inMaskedNet('10.1.2.3', '10.0.0.0', '255.0.0.0')).toBe(true);
    expect(inMaskedNet('11.1.2.3', '10.0.0.0', '255.0.0.0')).toBe(false);
    expect(inMaskedNet('x', '10.0.0.0', '255.0.0.0')).toBe(false);
    expect(inPrefix('198.95.249.79', '198.95.0.0/16')).toBe(true);
    expect(inPrefix('198.96.249.79', '198.95.0.0/16')).toBe(false);
    expect(inPrefix('2001:db8:1::5', '2001:db8::/32')).toBe(true);
    expect(inPrefix('2001:db9::5', '2001:db8::/32')).toBe(false);
    expect(inPrefix('2001:db8::5', 'nonsense')).toBe(false);
    expect(sortAddresses('10.0.0.2;10.0.0.1;::1')).toBe('::1;10.0.0.1;10.0.0.2');
    expect(sortAddresses('a;b')).toBe(false);
  });
});
