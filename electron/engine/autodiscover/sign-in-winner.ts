import type { AutodiscoverData, AutodiscoverProtocol } from '../../../shared/model/probe-data';
import { sendWithCredentials, type UserCredentials } from '../net/credential-request';
import { autodiscoverRequest } from '../net/outlook-requests';
import { classifyAnswer } from './classify-answer';
import { hopKey, hopRefusal, type FollowedChain } from './follow-chain';
import { MAX_POX_BYTES } from './pox-response';
import { probeStep, STEP_HTTP_TIMEOUT_MS, type StepContext } from './probe-step';

/**
 * The credential test of the walk: the winner asked again with the user's credentials, and the
 * redirects its answer asks for (RedirectUrl, RedirectAddr) followed like Outlook does.
 *
 * Each hop is asked anonymously first (its challenge tells which method to use, and gives its
 * TLS evidence), then with credentials. Credentials are sent only to hosts of the mail domain and
 * the Exchange host the user named; any other host gets `needs-confirmation` and nothing is sent
 * (the app may ask the user later). The answers replace the winner chain's steps in place; the
 * caller decides the walk again.
 */

export interface SignInOutcome {
  credentialTest: NonNullable<AutodiscoverData['credentialTest']>;
  protocols?: AutodiscoverProtocol[];
}

export async function signInWinner(
  ctx: StepContext,
  chain: FollowedChain,
  winnerStep: number,
  credentials: UserCredentials,
  allowed: (host: string) => boolean,
): Promise<SignInOutcome> {
  chain.steps.length = winnerStep + 1;
  chain.results.length = winnerStep + 1;
  delete chain.stop;
  const visited = new Set(chain.results.map((r, i) => hopKey(chain.steps[i]!.url, r.email)));
  let at = winnerStep;
  let tested = false;
  for (;;) {
    const candidate = chain.steps[at]!;
    const { result, email } = chain.results[at]!;
    let answer = result.answer;
    if (candidate.response === 'exchange-401') {
      if (!allowed(candidate.host)) {
        chain.stop = 'needs-confirmation';
        return { credentialTest: tested ? 'done' : 'needs-confirmation' };
      }
      const pox = autodiscoverRequest(email, { mapiHttp: ctx.mapiHttp });
      const outcome = await sendWithCredentials(
        ctx.services,
        {
          url: candidate.url,
          address: result.address ?? candidate.tcp?.address ?? '',
          method: 'POST',
          headers: pox.headers,
          ...(pox.body !== undefined ? { body: pox.body } : {}),
          offered: candidate.http?.challenges ?? [],
          signal: ctx.signal,
          timeoutMs: STEP_HTTP_TIMEOUT_MS,
          maxBodyBytes: MAX_POX_BYTES,
        },
        credentials,
      );
      tested = true;
      candidate.credentialAttempts = outcome.attempts;
      if (outcome.exchanges.length > 0) candidate.exchanges = [...(candidate.exchanges ?? []), ...outcome.exchanges];
      const final = outcome.final;
      // Refused or no answer: Outlook would ask for the password; the winner stays.
      if (!final?.exchange.response || final.exchange.response.status === 401) return { credentialTest: 'done' };
      answer = classifyAnswer('pox', candidate.url, final.exchange, final.body);
      candidate.response = answer.response;
      if (answer.errorCode !== undefined) candidate.errorCode = answer.errorCode;
      else delete candidate.errorCode;
      if (answer.redirectTo !== undefined) candidate.redirectTo = answer.redirectTo;
      if (answer.pox?.kind === 'settings') return { credentialTest: 'done', protocols: answer.pox.protocols };
    }
    if (answer.stop) {
      chain.stop = answer.stop;
      break;
    }
    const next = answer.next;
    if (!next || ctx.signal.aborted) break;
    const refusal = hopRefusal(next, email, visited, at);
    if (refusal) {
      chain.stop = refusal;
      break;
    }
    const nextEmail = next.email ?? email;
    visited.add(hopKey(next.url, nextEmail));
    const hop = await probeStep(ctx, { method: 'redirect', url: next.url, probe: 'pox', email: nextEmail });
    chain.steps.push(hop.candidate);
    chain.results.push({ result: hop, email: nextEmail });
    at += 1;
  }
  return { credentialTest: tested ? 'done' : 'no-winner' };
}
