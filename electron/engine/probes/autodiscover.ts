import type { AutodiscoverData } from '../../../shared/model/probe-data';
import { planCandidates, type PlannedCandidate } from '../autodiscover/candidate-list';
import { followChain, type FollowedChain } from '../autodiscover/follow-chain';
import { planWalk } from '../autodiscover/plan-walk';
import type { StepContext } from '../autodiscover/probe-step';
import { signInWinner } from '../autodiscover/sign-in-winner';
import { decideWalk, type WalkDecision } from '../autodiscover/walk-decision';
import { walkInputs } from '../autodiscover/walk-inputs';
import { credentialsAllowedFor } from '../autodiscover/credential-hosts';
import { defineProbe } from '../probe';

/**
 * Outlook's Autodiscover walk for the mailbox, as "Test E-mail AutoConfiguration" shows it.
 *
 * Every candidate in Outlook's order (protocol-facts §1.1), honouring Outlook's registry
 * switches, each with its DNS, TCP, TLS and HTTP evidence and why it was used or passed over.
 * The candidates are asked in parallel and Outlook's order is applied afterwards; Exchange
 * Online's fail-safe (the last step) is asked only when nothing before it answers. With the
 * optional credential test the winner is asked again with the user's credentials and its
 * settings (MAPI, RPC, EWS URLs) are recorded.
 */

/**
 * The walk's own deadline: a redirect chain of several hops, each with its own deadlines
 * (DNS 3 s, TCP 3 s, HTTP 6 s), plus the sign-in. The run's deadline usually ends it first,
 * and then the walk hands in what it has.
 */
export const AUTODISCOVER_TIMEOUT_MS = 20_000;

export const autodiscoverProbe = defineProbe({
  id: 'autodiscover',
  kind: 'autodiscover',
  title: 'Autodiscover',
  timeoutMs: AUTODISCOVER_TIMEOUT_MS,
  plan: (view) => planWalk(view),
  async run({ signal, input, run, services, view }) {
    const inputs = walkInputs([...view.results.values()], input.email, process.platform, run.server?.host);
    const planned = planCandidates(inputs);
    const ctx: StepContext = { services, signal, view, mapiHttp: !inputs.mapiHttpDisabled };

    // Exchange Online's fail-safe (step 11) matters only when every step before it fails.
    const failSafeFrom = inputs.microsoft365 ? planned.length : firstFailSafe(planned);
    const chains: FollowedChain[] = new Array<FollowedChain>(planned.length);
    const ask = (from: number, to: number) =>
      Promise.all(
        planned.slice(from, to).map(async (p, i) => {
          chains[from + i] = p.skip ? skippedChain(p) : await followChain(ctx, p, input.email);
        }),
      );
    await ask(0, failSafeFrom);
    const before = chains.slice(0, failSafeFrom);
    let decision = decideWalk(before);
    if (decision.winner === undefined && failSafeFrom < planned.length && !signal.aborted) await ask(failSafeFrom, planned.length);
    for (let i = 0; i < planned.length; i += 1) chains[i] ??= unaskedChain(planned[i]!);
    decision = decideWalk(chains);

    const data: AutodiscoverData = { domain: input.domain, ...(inputs.registry ? { registry: inputs.registry } : {}), candidates: [], credentialTest: 'not-requested' };
    const credentials = services.credentials();
    if (run.user !== undefined && !credentials) data.credentialTest = 'no-password';
    if (credentials) {
      const at = locate(chains, decision);
      if (!at) {
        data.credentialTest = 'no-winner';
      } else {
        const allowed = (host: string) => credentialsAllowedFor(host, input.domain, run.server?.host);
        const signIn = await signInWinner(ctx, chains[at.chain]!, at.step, credentials, allowed);
        data.credentialTest = signIn.credentialTest;
        decision = decideWalk(chains);
        if (signIn.protocols && decision.winner !== undefined && decision.candidates[decision.winner]?.response === 'settings') data.protocols = signIn.protocols;
      }
    }
    data.candidates = decision.candidates;
    if (decision.winner !== undefined) data.winner = decision.winner;

    const winner = decision.winner !== undefined ? decision.candidates[decision.winner] : undefined;
    const tried = decision.candidates.filter((c) => c.decision !== 'skipped' && c.decision !== 'not-reached').length;
    const summary = winner
      ? `${winner.url} (${winner.method}${winner.redirectedFrom !== undefined ? ' via redirect' : ''}, ${winner.response}) after ${tried} candidate(s)${data.protocols ? `; ${data.protocols.map((p) => p.type).join(', ')}` : ''}`
      : `no candidate answers like Exchange (${tried} tried)`;
    return { status: signal.aborted ? 'timeout' : winner ? 'ok' : 'fail', summary, data };
  },
});

function firstFailSafe(planned: readonly PlannedCandidate[]): number {
  // The last two entries are Exchange Online's v2 check and POX endpoint (candidate-list.ts).
  const index = planned.length - 2;
  return index >= 0 && planned[index]!.method === 'v2-json' ? index : planned.length;
}

function skippedChain(p: PlannedCandidate): FollowedChain {
  return { steps: [{ method: p.method, url: p.url, host: p.host, decision: 'skipped', reason: p.skip!, response: 'no-answer' }], results: [] };
}

/** A step after the winner that was never asked (Outlook stops at the winner). */
function unaskedChain(p: PlannedCandidate): FollowedChain {
  return { steps: [{ method: p.method, url: p.url, host: p.host, decision: 'not-reached', response: 'no-answer' }], results: [] };
}

/** Where the winner is: its chain and the step in it. */
function locate(chains: readonly FollowedChain[], decision: WalkDecision): { chain: number; step: number } | undefined {
  if (decision.winner === undefined) return undefined;
  let index = 0;
  for (let c = 0; c < chains.length; c += 1) {
    const chain = chains[c]!;
    const count = chain.steps[0]?.decision === 'skipped' ? 1 : chain.steps.length;
    if (decision.winner < index + count) return chain.results.length > decision.winner - index ? { chain: c, step: decision.winner - index } : undefined;
    index += count;
  }
  return undefined;
}
