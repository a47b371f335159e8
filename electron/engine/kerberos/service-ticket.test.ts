import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectorFixturePath, readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import { decodeOutput } from '../collectors/console-text';
import { parseKlist } from '../collectors/klist';
import { cachedTicket, grantingTicket, parseKlistGet, parseKvno } from './service-ticket';

describe('Windows klist get', () => {
  it('a ticket retrieved', () => {
    expect(parseKlistGet(fixture('windows/klist-get-en-success.txt'), '', 0)).toEqual({ obtained: true });
  });

  it('an SPN no account holds: KDC_ERR_S_PRINCIPAL_UNKNOWN as klist reports it, in English and German', () => {
    const en = parseKlistGet(fixture('windows/klist-get-en-spn-unknown.txt'), '', -1073741429);
    expect(en).toEqual({
      obtained: false,
      error: {
        kind: 'principal-unknown',
        code: 'KDC_ERR_S_PRINCIPAL_UNKNOWN 0xc000018b substatus 0x6fb',
        message: 'The SAM database on the Windows Server does not have a computer account for this workstation trust relationship.',
      },
    });
    // The German capture is in the console code page (850), as klist writes it.
    const de = decodeOutput(readFileSync(collectorFixturePath('windows/klist-get-de-spn-unknown.txt')), 'console', 850);
    expect(parseKlistGet(de, '', 1).error).toMatchObject({ kind: 'principal-unknown', message: expect.stringContaining('Vertrauensstellung') as string });
  });

  it('no domain controller reachable; an unknown code stays "other" with its code', () => {
    expect(parseKlistGet(fixture('windows/klist-get-en-no-logon-servers.txt'), '', 1).error).toMatchObject({ kind: 'kdc-unreachable', code: 'STATUS_NO_LOGON_SERVERS 0xc000005e substatus 0x51f' });
    const etype = 'Error calling API LsaCallAuthenticationPackage (GetTicket substatus): 0x80090342\r\n\r\nklist failed with 0xc00002fd/-1073741059: The encryption type requested is not supported by the KDC.\r\n';
    expect(parseKlistGet(etype, '', 1).error).toMatchObject({ kind: 'other', code: '0xc00002fd substatus 0x80090342' });
  });
});

describe('MIT kvno', () => {
  it('reads the answers of the krb5 tools (C locale)', () => {
    expect(parseKvno('HTTP/mail.test.lan@TEST.LAN: kvno = 1\n', '', 0)).toEqual({ obtained: true, realm: 'TEST.LAN' });
    expect(parseKvno('', 'kvno: Server HTTP/nope.test.lan@TEST.LAN not found in Kerberos database while getting credentials for HTTP/nope.test.lan@TEST.LAN\n', 1)).toMatchObject({
      obtained: false,
      realm: 'TEST.LAN',
      error: { kind: 'principal-unknown', code: 'KDC_ERR_S_PRINCIPAL_UNKNOWN' },
    });
    expect(parseKvno('', 'kvno: No credentials cache found (filename: /tmp/krb5cc_0) while getting client principal name\n', 1).error?.kind).toBe('no-tgt');
    expect(parseKvno('', "kvno: Cannot contact any KDC for realm 'TEST.LAN' while getting credentials for HTTP/x@TEST.LAN\n", 1).error?.kind).toBe('kdc-unreachable');
    expect(parseKvno('', 'kvno: Clock skew too great while getting credentials for HTTP/x@TEST.LAN\n', 1).error?.kind).toBe('clock-skew');
    expect(parseKvno('', 'kvno: Principal has multiple entries in Kerberos database while getting credentials for HTTP/x@TEST.LAN\n', 1).error?.kind).toBe('principal-not-unique');
    expect(parseKvno('', 'kvno: something new\n', 1).error).toEqual({ kind: 'other', message: 'something new' });
  });
});

describe('cached tickets', () => {
  it('finds the HTTP ticket and the TGT of a real MIT cache, only while valid', () => {
    const data = parseKlist(fixture('linux/klist-mit-two-tickets-test-kdc.txt'))!;
    const spn = data.tickets.find((t) => /^http\//i.test(t.server))!.server;
    const before = Date.parse(data.tickets[0]!.start!) + 1_000;
    expect(cachedTicket(data, spn.toUpperCase().replace('HTTP', 'http'), before)?.server).toBe(spn);
    expect(grantingTicket(data, before)?.server).toMatch(/^krbtgt\//);
    expect(cachedTicket(data, spn, Date.parse(data.tickets[0]!.end!) + 1_000)).toBeUndefined();
    expect(cachedTicket(data, 'HTTP/other.test.lan', before)).toBeUndefined();
  });
});
