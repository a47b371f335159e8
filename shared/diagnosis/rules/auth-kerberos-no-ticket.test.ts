import { describe, expect, it } from 'vitest';
import { internetZonesFrom } from '../../../e2e/fixtures/collector-evidence';
import { translator } from '../../i18n';
import { collected } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { BEARER_CHALLENGES, challenge, evidenceOf, healthyExchange, http, kerberos } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authClockSkewRule } from './auth-clock-skew';
import { authKerberosNoTicketRule } from './auth-kerberos-no-ticket';

const failed = kerberos({ ticket: 'failed', error: { kind: 'principal-unknown', code: 'KDC_ERR_S_PRINCIPAL_UNKNOWN', message: '0x7' } });

describe('auth.kerberos-no-ticket', () => {
  it.each(RAISING['auth.kerberos-no-ticket'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(authKerberosNoTicketRule, evidence);
    expect(hit.args).toEqual({
      host: 'mail.contoso.com',
      spn: 'HTTP/mail.contoso.com',
      reason: 'principal-unknown (KDC_ERR_S_PRINCIPAL_UNKNOWN)',
      realm: 'CONTOSO.COM',
    });
    expect(hit.evidence[0]).toBe('auth.kerberos:mail.contoso.com');
  });

  it('not raised when the ticket is there or was obtained', () => {
    expect(authKerberosNoTicketRule.evaluate(evidenceOf([...healthyExchange(), kerberos()]))).toBeNull();
    expect(authKerberosNoTicketRule.evaluate(evidenceOf([...healthyExchange(), kerberos({ ticket: 'obtained' })]))).toBeNull();
  });

  it('not raised where Negotiate is not offered', () => {
    const basic = [http('mapi', { challenges: [challenge('NTLM'), challenge('Basic')] })];
    expect(authKerberosNoTicketRule.evaluate(evidenceOf([...basic, failed]))).toBeNull();
    expect(authKerberosNoTicketRule.evaluate(evidenceOf([http('mapi', { challenges: BEARER_CHALLENGES }), failed]))).toBeNull();
  });

  it('not raised off the domain (no ticket-granting ticket: NTLM is expected) or without klist', () => {
    expect(authKerberosNoTicketRule.evaluate(evidenceOf([...healthyExchange(), kerberos({ ticket: 'failed', tgt: false })]))).toBeNull();
    expect(authKerberosNoTicketRule.evaluate(evidenceOf([...healthyExchange(), kerberos({ ticket: 'failed', tool: null })]))).toBeNull();
  });

  it('a wrong clock is the cause', () => {
    const skewed = healthyExchange().map((r) => http(r.data!.endpoint, { clockSkewMs: 30 * 60_000, ...(r.data!.vdir ? { vdir: r.data!.vdir } : {}) }));
    expect(raisedIds(evidenceOf([...skewed, failed]), authClockSkewRule, authKerberosNoTicketRule)).toEqual(['auth.clock-skew']);
  });

  it('adds when the zone settings keep Windows from signing in to the host by itself', () => {
    const internet = collected('collector.internet-zones', internetZonesFrom({ domainsUser: 'reg-zonemap-domains-user-exchange-internet.txt', logonUser: 'reg-zones-logon-user.txt' }));
    const hit = evaluateChecked(authKerberosNoTicketRule, evidenceOf([...healthyExchange(), failed, internet]))!;
    expect(hit.args).toMatchObject({ note: 'zone-internet', zoneHost: 'mail.contoso.com', spn: 'HTTP/mail.contoso.com' });
    expect(hit.evidence).toContain(internet.id);
    expect(translator('de').finding('auth.kerberos-no-ticket', hit.args).detail).toMatch(/kein Kerberos-Ticket.*Zone „Internet“/s);

    const intranet = collected('collector.internet-zones', internetZonesFrom({ domainsUser: 'reg-zonemap-domains-user.txt', logonUser: 'reg-zones-logon-user.txt' }));
    expect(evaluateChecked(authKerberosNoTicketRule, evidenceOf([...healthyExchange(), failed, intranet]))!.args).not.toHaveProperty('note');
  });
});
