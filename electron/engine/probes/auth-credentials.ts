import type { AuthCredentialsData, AutodiscoverData, AutodiscoverProtocol } from '../../../shared/model/probe-data';
import { headerValue } from '../../../shared/http/header-list';
import { isIP } from '../../../shared/validate';
import { sendWithCredentials } from '../net/credential-request';
import { sendHttpRequest } from '../net/http-client';
import { exchangeRequests, INVALID_MAILBOX_GUID, OUTLOOK_USER_AGENT } from '../net/outlook-requests';
import { tcpConnect } from '../net/tcp-connect';
import { defineProbe, instanceId, type PlanView, type ProbeTask } from '../probe';
import { credentialsAllowedFor } from '../autodiscover/credential-hosts';
import { STEP_HTTP_TIMEOUT_MS, STEP_TCP_TIMEOUT_MS } from '../autodiscover/probe-step';

/**
 * The optional credential test against Autodiscover, /mapi and /EWS (`--user` with a password).
 *
 * Autodiscover's result comes from the walk, which already signed in there (each failed attempt
 * counts towards the account's lockout, so nothing is sent twice). /mapi and /EWS are tested at
 * the URLs Autodiscover handed out, only after Autodiscover accepted the credentials (or, when
 * Autodiscover found nothing, MAPI first on the Exchange host and EWS after it accepted). Each
 * endpoint is asked anonymously first (its challenge says which method to use), then with
 * credentials on the address that answered. The password never leaves memory.
 */

/** Anonymous request, lookup, connect and the sign-in legs, each under its own deadline. */
export const AUTH_CREDENTIALS_TIMEOUT_MS = 15_000;

/** MAPI's answer codes (MS-OXCMAPIHTTP 2.2.3.3.3) that say this mailbox may not connect this way. */
const MAPI_REFUSED_CODES = new Set([8, 11]);

type Input =
  | { endpoint: 'autodiscover'; host: string; candidate: number }
  | { endpoint: 'mapi' | 'ews'; host: string; url: string; internalOnly?: boolean; rpcHttpOffered?: boolean };

function autodiscoverOf(view: PlanView): { id: string; data: AutodiscoverData } | undefined {
  const result = view.of('autodiscover').find((r) => r.data !== undefined);
  return result?.data ? { id: result.id, data: result.data } : undefined;
}

export function planCredentials(view: PlanView): ProbeTask<Input>[] {
  if (view.input.user === undefined) return [];
  const walk = autodiscoverOf(view);
  if (!walk || (walk.data.credentialTest !== 'done' && walk.data.credentialTest !== 'no-winner')) return [];
  const tasks: ProbeTask<Input>[] = [];
  const after = [walk.id];

  // Autodiscover: the walk's own sign-in, per host it signed in at.
  let accepted = false;
  let rejected = false;
  const seen = new Set<string>();
  walk.data.candidates.forEach((c, index) => {
    if (!c.credentialAttempts?.length || seen.has(c.host)) return;
    seen.add(c.host);
    accepted ||= c.credentialAttempts.some((a) => a.status !== undefined && a.status >= 200 && a.status < 300);
    rejected ||= c.credentialAttempts.some((a) => a.rejected);
    tasks.push({ key: `${c.host}/autodiscover`, target: `sign-in ${c.url}`, input: { endpoint: 'autodiscover', host: c.host, candidate: index }, after, runIf: 'settled' });
  });
  if (rejected && !accepted) return tasks;

  const protocols = walk.data.protocols ?? [];
  const rpcHttpOffered = protocols.some((p) => /^(EXPR|EXHTTP)$/i.test(p.type));
  const mapi = protocols.find((p) => p.type.toLowerCase() === 'mapihttp');
  const ewsUrl = ewsUrlOf(protocols);
  const server = view.input.server;
  if (accepted && (mapi?.externalUrl ?? mapi?.internalUrl)) {
    const url = (mapi.externalUrl ?? mapi.internalUrl)!;
    tasks.push(endpointTask('mapi', url, after, { internalOnly: mapi.externalUrl === undefined, rpcHttpOffered }));
  }
  if (accepted && ewsUrl) tasks.push(endpointTask('ews', ewsUrl, after, {}));
  if (!accepted && server && walk.data.credentialTest === 'no-winner' && !isIP(server.host)) {
    // Nothing to learn the URLs from: Outlook's defaults on the Exchange host, MAPI first.
    const base = `https://${server.host}${server.port === 443 ? '' : `:${server.port}`}`;
    const mapiTask = endpointTask('mapi', `${base}/mapi/emsmdb/?MailboxId=${INVALID_MAILBOX_GUID}@${server.host}`, after, {});
    tasks.push(mapiTask, { ...endpointTask('ews', `${base}/EWS/Exchange.asmx`, [instanceId('auth.credentials', mapiTask.key)], {}), runIf: 'ok' });
  }
  return tasks;
}

function endpointTask(endpoint: 'mapi' | 'ews', url: string, after: string[], extra: { internalOnly?: boolean; rpcHttpOffered?: boolean }): ProbeTask<Input> {
  const host = new URL(url).hostname.toLowerCase();
  // The walk ends `fail` when nothing answered like Exchange; its data still says what to test.
  return { key: `${host}/${endpoint}`, target: `sign-in ${url.split('?')[0]}`, input: { endpoint, host, url, ...extra }, after, runIf: 'settled' };
}

function ewsUrlOf(protocols: readonly AutodiscoverProtocol[]): string | undefined {
  const by = (type: string) => protocols.find((p) => p.type.toUpperCase() === type && p.ewsUrl)?.ewsUrl;
  return by('EXPR') ?? by('EXHTTP') ?? by('EXCH');
}

export const authCredentialsProbe = defineProbe({
  id: 'auth.credentials',
  kind: 'auth',
  title: 'Credential test',
  timeoutMs: AUTH_CREDENTIALS_TIMEOUT_MS,
  plan: planCredentials,
  async run({ signal, input, run, services, view }) {
    if (input.endpoint === 'autodiscover') {
      const walk = autodiscoverOf(view)!;
      const candidate = walk.data.candidates[input.candidate]!;
      const attempts = candidate.credentialAttempts ?? [];
      const data: AuthCredentialsData = { host: candidate.host, ...(candidate.tcp ? { address: candidate.tcp.address } : {}), url: candidate.url, endpoint: 'autodiscover', attempts };
      return outcome(data);
    }
    const credentials = services.credentials();
    let url = new URL(input.url);
    const data: AuthCredentialsData = { host: url.hostname.toLowerCase(), url: withoutQuery(url.href), endpoint: input.endpoint, attempts: [] };
    if (input.endpoint === 'mapi') data.mapi = { ...(input.rpcHttpOffered !== undefined ? { rpcHttpOffered: input.rpcHttpOffered } : {}) };
    if (!credentials) return { status: 'fail', summary: 'no password given for --user', data };

    // Only an internal MAPI URL: when its host does not answer here, Outlook is outside and has no way in.
    if (input.internalOnly && data.mapi) {
      const reachable = await reaches(services, url.hostname, Number(url.port || 443), signal);
      if (!reachable && run.server) {
        data.mapi.externalBlocked = true;
        url = new URL(`https://${run.server.host}${run.server.port === 443 ? '' : `:${run.server.port}`}${url.pathname}${url.search}`);
        data.host = url.hostname.toLowerCase();
        data.url = withoutQuery(url.href);
      }
    }

    let address: string;
    try {
      address = (await services.lookup(url.hostname.replace(/^\[|\]$/g, ''), signal))[0]!.address;
    } catch (error) {
      return { status: 'fail', summary: `${url.hostname}: ${(error as Error).message}`, data };
    }
    data.address = address;
    const request = requestFor(input.endpoint, data.host);
    const anonymous = await sendHttpRequest(services, { url: url.href, address, ...request, signal, timeoutMs: STEP_HTTP_TIMEOUT_MS });
    data.exchanges = [{ ...anonymous, address }];
    const offered = anonymous.response?.status === 401 ? anonymous.response.challenges : [];
    if (offered.length === 0) {
      return { status: 'fail', summary: `${data.url}: no sign-in offered (${anonymous.response ? `HTTP ${anonymous.response.status}` : anonymous.error?.message ?? 'no answer'})`, data };
    }
    // Autodiscover may name a host outside the mail domain (Exchange Online, a partner, a typo, an
    // attacker's answer): the password goes only where DEVELOPERS.md says; here it is held back.
    const domain = autodiscoverOf(view)?.data.domain;
    if (domain !== undefined && !credentialsAllowedFor(data.host, domain, run.server?.host)) {
      data.heldBack = true;
      return { status: 'ok', summary: `${data.url}: password held back (${data.host} is outside the mail domain ${domain})`, data };
    }
    const result = await sendWithCredentials(services, { url: url.href, address, ...request, offered, signal, timeoutMs: STEP_HTTP_TIMEOUT_MS }, credentials);
    data.attempts = result.attempts;
    data.exchanges.push(...result.exchanges);
    if (data.mapi && result.final) {
      const code = Number(headerValue(result.final.rawHeaders, 'x-responsecode'));
      if (Number.isInteger(code)) data.mapi.responseCode = code;
      if (result.final.exchange.response?.status === 403 || (Number.isInteger(code) && MAPI_REFUSED_CODES.has(code) && result.final.exchange.response?.status !== 401)) {
        data.mapi.externalBlocked = true;
      }
    }
    return outcome(data);
  },
});

function requestFor(endpoint: 'mapi' | 'ews', host: string): { method: string; headers: [string, string][]; body?: string } {
  if (endpoint === 'mapi') {
    const connect = exchangeRequests({ host, mailbox: 'x@x', domain: 'x' }).find((r) => r.name === 'mapi')!;
    return { method: 'POST', headers: connect.headers, body: '' };
  }
  return { method: 'GET', headers: [['User-Agent', OUTLOOK_USER_AGENT]] };
}

async function reaches(services: Parameters<typeof sendHttpRequest>[0], host: string, port: number, signal: AbortSignal): Promise<boolean> {
  try {
    const [first] = await services.lookup(host.replace(/^\[|\]$/g, ''), signal);
    if (!first) return false;
    const tcp = await tcpConnect({ address: first.address, family: first.family, port, timeoutMs: STEP_TCP_TIMEOUT_MS, signal });
    return tcp.error === undefined;
  } catch {
    return false;
  }
}

function outcome(data: AuthCredentialsData) {
  const last = data.attempts.at(-1);
  const accepted = data.attempts.some((a) => a.status !== undefined && a.status >= 200 && a.status < 300);
  const text = data.attempts.map((a) => `${a.method} ${a.status ?? a.error?.kind ?? '?'}${a.rejected ? ' (refused)' : ''}`).join(', ') || 'nothing sent';
  const blocked = data.mapi?.externalBlocked ? '; MAPI blocked from outside' : '';
  return {
    status: accepted ? ('ok' as const) : ('fail' as const),
    summary: `${data.endpoint} ${data.url}: ${text}${blocked}${last?.diagnostics ? ` [${last.diagnostics}]` : ''}`,
    data,
  };
}

function withoutQuery(url: string): string {
  return url.split('?')[0]!;
}
