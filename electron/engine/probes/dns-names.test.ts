import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../shared/model/probe-result';
import type { RunInput } from '../../../shared/model/run-input';
import type { PlanView } from '../probe';
import { dnsDirectProbe } from './dns-direct';
import { autodiscoverSrvName, dnsNamesOf } from './dns-names';
import { dnsSrvProbe } from './dns-srv';
import { dnsSystemProbe } from './dns-system';

const base: RunInput = {
  dnsServers: ['127.0.0.1:5353'],
  connectivityUrl: 'http://127.0.0.1:9/',
  connectivityExpect: 'x',
  proxy: { mode: 'none' },
  timeoutMs: 10_000,
};

const view = (input: RunInput): PlanView => ({ input, results: new Map<string, ProbeResult>(), of: () => [] });

describe('DNS probe planning', () => {
  it('resolves the Exchange host given with --server', () => {
    const input: RunInput = { ...base, server: { host: 'Mail.Contoso.Test', port: 443 }, serverSource: 'option' };
    expect(dnsNamesOf(input)).toEqual(['mail.contoso.test']);
    expect(autodiscoverSrvName(input)).toBeUndefined();
    expect(dnsSrvProbe.plan(view(input))).toEqual([]);
  });

  it('skips a server given as an IP address', () => {
    expect(dnsNamesOf({ ...base, server: { host: '127.0.0.2', port: 443 }, serverSource: 'option' })).toEqual([]);
    expect(dnsNamesOf({ ...base, server: { host: '::1', port: 443 }, serverSource: 'option' })).toEqual([]);
  });

  it('adds the Autodiscover names of the mailbox domain, without duplicates', () => {
    const emailOnly: RunInput = { ...base, email: 'anna@Contoso.Test', server: { host: 'autodiscover.contoso.test', port: 443 }, serverSource: 'autodiscover-name' };
    expect(dnsNamesOf(emailOnly)).toEqual(['autodiscover.contoso.test', 'contoso.test']);
    const both: RunInput = { ...emailOnly, server: { host: 'mail.contoso.test', port: 443 }, serverSource: 'option' };
    expect(dnsNamesOf(both)).toEqual(['mail.contoso.test', 'contoso.test', 'autodiscover.contoso.test']);
  });

  it('plans one system and one direct instance per name, and the SRV name with a mailbox', () => {
    const input: RunInput = { ...base, email: 'anna@contoso.test', server: { host: 'mail.contoso.test', port: 443 }, serverSource: 'option' };
    const keys = (tasks: { key: string }[]) => tasks.map((t) => t.key);
    expect(keys(dnsSystemProbe.plan(view(input)))).toEqual(['mail.contoso.test', 'contoso.test', 'autodiscover.contoso.test']);
    expect(keys(dnsDirectProbe.plan(view(input)))).toEqual(['mail.contoso.test', 'contoso.test', 'autodiscover.contoso.test']);
    expect(dnsDirectProbe.plan(view(input))[0]).toMatchObject({ target: 'mail.contoso.test', input: { name: 'mail.contoso.test' } });
    expect(dnsDirectProbe.plan(view(input))[0]?.after).toBeUndefined();
    expect(dnsSrvProbe.plan(view(input))).toEqual([
      { key: '_autodiscover._tcp.contoso.test', target: '_autodiscover._tcp.contoso.test', input: { name: '_autodiscover._tcp.contoso.test' } },
    ]);
  });
});
