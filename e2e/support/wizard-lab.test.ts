import { X509Certificate } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardLab, deadTcpPort, startExchange, type WizardLab } from './wizard-lab';
import { PORTAL_HOST } from '../lab/connectivity-server';

/**
 * The wizard's lab behaves as the browser scenarios assume: a healthy Exchange-like server, an
 * expired one, a portal, a dead address. Checked here so a scenario that fails points at the app,
 * not at its lab.
 */
let lab: WizardLab;
let portalLab: WizardLab;
beforeAll(async () => {
  lab = await createWizardLab();
  portalLab = await createWizardLab('portal');
});
afterAll(async () => {
  await lab.close();
  await portalLab.close();
});

function get(url: string, ca?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: string[]; body: string; cert?: X509Certificate }> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(url, { ca, rejectUnauthorized: false }, (res) => {
      const peer = 'getPeerCertificate' in res.socket ? (res.socket as TLSSocket).getPeerX509Certificate() : undefined;
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: res.rawHeaders, body, ...(peer ? { cert: peer } : {}) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the wizard lab', () => {
  it('answers Outlook’s anonymous request like Exchange: 401 with Negotiate and NTLM, health check 200', async () => {
    const { target } = await startExchange(lab);
    const mapi = await get(`https://${target}/mapi/emsmdb/?MailboxId=x@contoso.test`);
    expect(mapi.status).toBe(401);
    // Two header lines, as IIS sends them (Node would join them in `headers`).
    const challenges = mapi.raw.filter((_v, i) => i % 2 === 1 && mapi.raw[i - 1]!.toLowerCase() === 'www-authenticate');
    expect(challenges).toEqual(['Negotiate', 'NTLM']);
    expect(mapi.cert?.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(mapi.cert?.checkIssued(new X509Certificate(lab.ca.certPem))).toBe(true);
    expect(new Date(mapi.cert!.validTo).getTime()).toBeGreaterThan(Date.now());
    expect((await get(`https://${target}/owa/healthcheck.htm`)).status).toBe(200);
  });

  it('serves an expired certificate when asked to', async () => {
    const { target } = await startExchange(lab, { certificate: 'expired' });
    const reply = await get(`https://${target}/mapi/`);
    expect(new Date(reply.cert!.validTo).getTime()).toBeLessThan(Date.now());
  });

  it('passes the connectivity check, or redirects it to a portal', async () => {
    const ok = await get(lab.connectivityUrl);
    expect(ok).toMatchObject({ status: 200, body: lab.connectivityExpect });
    const portal = await get(portalLab.connectivityUrl);
    expect(portal.status).toBe(302);
    expect(String(portal.headers.location)).toMatch(new RegExp(`^http://${PORTAL_HOST.replace(/\./g, '\\.')}/`));
  });

  it('keeps a run on loopback: DNS and every target on 127.0.0.1', () => {
    const options = lab.bridgeOptions();
    expect(options.dnsServers).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+$/)]);
    expect(new URL(options.connectivityUrl).hostname).toBe('127.0.0.1');
  });

  it('has a dead address that refuses at once', async () => {
    const port = await deadTcpPort();
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve(Object.assign(new Error('connected'), { code: 'CONNECTED' }));
      });
      socket.on('error', resolve);
    });
    expect(error.code).toBe('ECONNREFUSED');
  });
});
