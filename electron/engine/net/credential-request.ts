import type { AuthChallenge, CredentialAttempt, CredentialMethod, HeaderList, HttpExchange } from '../../../shared/model/probe-data';
import { headerValue, headerValues } from '../../../shared/http/header-list';
import type { RunServices } from '../run-services';
import { dedicatedClient } from './address-pools';
import { sendHttpRequest } from './http-client';
import { authenticateMessage, challengeToken, negotiateMessage, ntlmIdentity } from './ntlm-messages';

/**
 * One request with the user's credentials, the way Outlook signs in: NTLM (also inside
 * Negotiate) when offered, else Basic.
 *
 * The password and every Authorization value exist only in the requests themselves: the
 * recorded exchanges carry `[redacted]`, NTLM messages are never kept, errors never quote a
 * request. Every failed attempt counts towards the account's lockout, so after a rejection
 * (401 again) no other method is tried; another method follows only when one could not be
 * completed (the server did not continue NTLM, the connection broke). Credentials go over
 * https only.
 */

/** What the user typed, in memory only (RunServices.credentials). */
export interface UserCredentials {
  user: string;
  password: string;
}

export interface CredentialRequest {
  url: string;
  address: string;
  method: string;
  headers: HeaderList;
  body?: string | Uint8Array;
  /** Challenges of the anonymous answer: the methods the server offers. */
  offered: readonly AuthChallenge[];
  signal: AbortSignal;
  timeoutMs: number;
  maxBodyBytes?: number;
}

export interface CredentialOutcome {
  attempts: CredentialAttempt[];
  /** Every request sent, each NTLM leg on its own, as recorded (Authorization values redacted). */
  exchanges: HttpExchange[];
  /** The answer of the last attempt that got one (the caller reads a POX body or X-ResponseCode). */
  final?: { exchange: HttpExchange; body?: Buffer; rawHeaders: HeaderList };
}

/** Methods tried, in Outlook's preference, from what the server offers. */
export function methodsFor(offered: readonly AuthChallenge[]): CredentialMethod[] {
  const schemes = new Set(offered.map((c) => c.scheme.toLowerCase()));
  const methods: CredentialMethod[] = [];
  if (schemes.has('ntlm')) methods.push('ntlm');
  else if (schemes.has('negotiate')) methods.push('negotiate');
  if (schemes.has('basic')) methods.push('basic');
  return methods;
}

export async function sendWithCredentials(services: RunServices, request: CredentialRequest, credentials: UserCredentials): Promise<CredentialOutcome> {
  const attempts: CredentialAttempt[] = [];
  const exchanges: HttpExchange[] = [];
  let final: CredentialOutcome['final'];
  if (!request.url.startsWith('https://')) return { attempts, exchanges };
  const sender: Sender = { services, request, exchanges };
  for (const method of methodsFor(request.offered)) {
    const result = method === 'basic' ? await basic(sender, credentials) : await ntlmAttempt(sender, credentials, method === 'ntlm' ? 'NTLM' : 'Negotiate');
    attempts.push(result.attempt);
    if (result.final) final = result.final;
    // Accepted, or refused: either way the answer is in. Only a method that could not finish lets the next one try.
    if (result.attempt.status !== undefined && !result.incomplete) break;
    if (request.signal.aborted) break;
  }
  return { attempts, exchanges, ...(final ? { final } : {}) };
}

/** What each request of one sign-in needs, and where its recorded exchange goes. */
interface Sender {
  services: RunServices;
  request: CredentialRequest;
  exchanges: HttpExchange[];
}

type AttemptResult = { attempt: CredentialAttempt; final?: NonNullable<CredentialOutcome['final']>; incomplete?: boolean };

async function basic(sender: Sender, credentials: UserCredentials): Promise<AttemptResult> {
  const token = Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64');
  const sent = await send(sender, `Basic ${token}`);
  return { attempt: attemptOf('basic', sent.exchange, sent.rawHeaders), final: sent };
}

async function ntlmAttempt(sender: Sender, credentials: UserCredentials, scheme: 'NTLM' | 'Negotiate'): Promise<AttemptResult> {
  const { services, request } = sender;
  const method: CredentialMethod = scheme === 'NTLM' ? 'ntlm' : 'negotiate';
  const url = new URL(request.url);
  const { client, close } = dedicatedClient(services, {
    protocol: 'https:',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    address: request.address,
    port: url.port ? Number(url.port) : 443,
  });
  try {
    const identity = ntlmIdentity(credentials.user);
    const first = await send(sender, negotiateMessage(scheme, identity), client);
    const token = first.exchange.response?.status === 401 ? challengeToken(headerValues(first.rawHeaders, 'www-authenticate'), scheme) : undefined;
    if (!token) {
      const attempt = attemptOf(method, first.exchange, first.rawHeaders);
      // A server that answers the first leg with anything but a challenge did not continue NTLM.
      if (first.exchange.response?.status === 401 || !first.exchange.response) {
        return { attempt: { ...attempt, rejected: false, error: first.exchange.error ?? { kind: 'protocol', message: `the server did not continue ${scheme} (no challenge to the first message)` } }, incomplete: true };
      }
      return { attempt, final: first };
    }
    let authorization: string;
    try {
      authorization = authenticateMessage(scheme, token, identity, credentials.password);
    } catch (error) {
      return { attempt: { method, rejected: false, challenges: [], error: { kind: 'protocol', message: (error as Error).message } }, incomplete: true };
    }
    const second = await send(sender, authorization, client);
    return { attempt: attemptOf(method, second.exchange, second.rawHeaders), final: second, ...(second.exchange.response ? {} : { incomplete: true }) };
  } finally {
    await close();
  }
}

async function send({ services, request, exchanges }: Sender, authorization: string, dispatcher?: Parameters<typeof sendHttpRequest>[1]['dispatcher']) {
  let rawHeaders: HeaderList = [];
  let body: Buffer | undefined;
  const exchange = await sendHttpRequest(services, {
    url: request.url,
    address: request.address,
    method: request.method,
    headers: [...request.headers, ['Authorization', authorization]],
    ...(request.body !== undefined ? { body: request.body } : {}),
    signal: request.signal,
    timeoutMs: request.timeoutMs,
    ...(request.maxBodyBytes !== undefined ? { maxBodyBytes: request.maxBodyBytes } : {}),
    ...(dispatcher ? { dispatcher } : {}),
    onRawHeaders: (headers) => (rawHeaders = headers),
    onBody: (b) => (body = b),
  });
  exchanges.push({ ...exchange, address: request.address });
  return { exchange, rawHeaders, ...(body !== undefined ? { body } : {}) };
}

function attemptOf(method: CredentialMethod, exchange: HttpExchange, rawHeaders: HeaderList): CredentialAttempt {
  const response = exchange.response;
  const diagnostics = [headerValue(rawHeaders, 'x-ms-diagnostics'), headerValue(rawHeaders, 'x-diaginfo')].filter((v): v is string => v !== undefined);
  return {
    method,
    ...(response ? { status: response.status } : {}),
    rejected: response?.status === 401,
    challenges: response?.challenges ?? [],
    ...(response ? { identity: response.identity } : {}),
    ...(diagnostics.length ? { diagnostics: diagnostics.join('; ').slice(0, 500) } : {}),
    ...(exchange.error ? { error: exchange.error } : {}),
  };
}
