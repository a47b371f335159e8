import { describe, expect, it } from 'vitest';
import { AUTODISCOVER_HOST, DOMAIN, HOST, http, makeEvidence, result } from './testing/evidence-builders';
import { hostRoles } from './host-roles';
import { combineHostHits, listArg } from './host-hits';

describe('hostRoles', () => {
  it('tells the Exchange host, Autodiscover names, the root domain and other hosts apart', () => {
    const srv = result('dns.srv', `_autodiscover._tcp.${DOMAIN}`, { name: `_autodiscover._tcp.${DOMAIN}`, records: [{ target: 'mail.hoster.example.', port: 443, priority: 0, weight: 0 }], durationMs: 5 });
    const roles = hostRoles(makeEvidence([srv, http('outlook.contoso.com', '192.0.2.30', 'ews')]));
    expect(roles.roleOf('MAIL.contoso.com.')).toBe('exchange');
    expect(roles.roleOf('outlook.contoso.com')).toBe('exchange');
    expect(roles.roleOf(AUTODISCOVER_HOST)).toBe('autodiscover');
    expect(roles.roleOf('mail.hoster.example')).toBe('autodiscover');
    expect(roles.roleOf(DOMAIN)).toBe('autodiscover-root');
    expect(roles.roleOf('www.msftconnecttest.com')).toBe('other');
    expect(roles.isStandIn(HOST)).toBe(false);
  });

  it('treats the stand-in Autodiscover name as the Exchange host when only the mail address is known', () => {
    const roles = hostRoles(makeEvidence([], { input: { server: { host: AUTODISCOVER_HOST, port: 443 }, serverSource: 'autodiscover-name' } }));
    expect(roles.roleOf(AUTODISCOVER_HOST)).toBe('exchange');
    expect(roles.isStandIn(AUTODISCOVER_HOST)).toBe(true);
  });
});

describe('combineHostHits', () => {
  it('names the most severe hit, the Exchange host first on a tie, and cites every host', () => {
    const hit = combineHostHits([
      { host: AUTODISCOVER_HOST, role: 'autodiscover', evidence: ['a'], args: { host: AUTODISCOVER_HOST }, severity: 'warning', lowered: 'autodiscover-only' },
      { host: HOST, role: 'exchange', evidence: ['b'], args: { host: HOST }, severity: 'warning' },
    ]);
    expect(hit).toEqual({ evidence: ['b', 'a'], args: { host: HOST }, severity: 'warning' });
    expect(combineHostHits([])).toBeNull();
  });

  it('caps long lists', () => {
    expect(listArg(['a', 'b', 'c', 'a'], 2)).toBe('a, b, … (+1)');
  });
});
