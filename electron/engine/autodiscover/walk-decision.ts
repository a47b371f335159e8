import type { AutodiscoverCandidate } from '../../../shared/model/probe-data';

/**
 * Outlook's decision over the probed candidates: which one it uses, and why it passed over the
 * ones before.
 *
 * The candidates are probed in parallel (speed); Outlook's order is applied here, afterwards:
 * the first candidate whose chain of redirects ends in an answer like Exchange wins, every
 * candidate after it is "not reached". Pure, so the order and the reasons are tested on their own.
 */

/** One planned candidate and the hops its redirects led to, in the order they were followed. */
export interface CandidateChain {
  /** `steps[0]` is the planned candidate; later steps are `redirect` hops. Decisions are filled in here. */
  steps: AutodiscoverCandidate[];
  /**
   * Why the last step does not count, whatever it answered: following stopped there
   * (`not-https`, `redirect-loop`, `redirect-limit`, `needs-confirmation`) or Outlook ignores its
   * kind of answer (`http-body-ignored`: XML over plain http).
   */
  stop?: string;
}

export interface WalkDecision {
  candidates: AutodiscoverCandidate[];
  winner?: number;
}

type Verdict = { ok: true } | { follow: true } | { ok: false; reason: string };

const REDIRECTING = new Set<AutodiscoverCandidate['response']>(['http-redirect', 'redirect-url', 'redirect-addr', 'json-url']);

/** A candidate's answer in Outlook's eyes, before its chain is looked at. */
function verdictOf(step: AutodiscoverCandidate, exoConfirmed: boolean | undefined): Verdict {
  if (step.tls && (step.response === 'exchange-401' || step.response === 'settings' || REDIRECTING.has(step.response))) {
    // Outlook trusts neither the answer nor the redirect of a host whose certificate fails.
    if (step.tls.nameMatches === false) return { ok: false, reason: 'cert-name' };
    if (step.tls.trusted === false) return { ok: false, reason: 'cert-untrusted' };
  }
  switch (step.response) {
    case 'settings':
      return { ok: true };
    case 'exchange-401':
      // Exchange Online challenges every address; only the v2 answer says the mailbox lives there.
      if (step.method === 'exo' && exoConfirmed !== true) return { ok: false, reason: 'mailbox-not-in-exo' };
      return { ok: true };
    case 'http-redirect':
    case 'redirect-url':
    case 'redirect-addr':
      return { follow: true };
    case 'json-url':
      return step.method === 'v2-json' ? { ok: true } : { follow: true };
    case 'pox-error':
      return { ok: false, reason: `pox-error${step.errorCode ? `:${step.errorCode}` : ''}` };
    case 'not-exchange':
      // The v2 endpoint's own error (`ProtocolNotSupported`): Exchange answered, only not the question.
      return { ok: false, reason: step.method === 'v2-json' && step.errorCode ? `v2-error:${step.errorCode}` : 'not-exchange' };
    default:
      return { ok: false, reason: step.response };
  }
}

export function decideWalk(chains: readonly CandidateChain[]): WalkDecision {
  const candidates: AutodiscoverCandidate[] = [];
  let winner: number | undefined;
  let exoConfirmed: boolean | undefined;

  for (const chain of chains) {
    const first = chain.steps[0];
    if (!first) continue;
    // Skipped by the plan, or never asked because an earlier step won: nothing to decide.
    if (first.decision === 'skipped' || first.decision === 'not-reached') {
      candidates.push({ ...first });
      continue;
    }
    const start = candidates.length;
    const steps = chain.steps.map((s, i) => ({ ...s, ...(i > 0 ? { redirectedFrom: start + i - 1 } : {}) }));
    candidates.push(...steps);
    if (winner !== undefined) {
      for (const s of steps) markNotReached(s);
      continue;
    }

    let outcome: { ok: true; at: number } | { ok: false; at: number; reason: string } | undefined;
    for (let i = 0; i < steps.length && !outcome; i += 1) {
      const verdict = verdictOf(steps[i]!, exoConfirmed);
      // Credentials held back for a foreign host do not make the answer wrong: the user may confirm.
      if (chain.stop && chain.stop !== 'needs-confirmation' && i === steps.length - 1 && !('ok' in verdict && !verdict.ok)) {
        outcome = { ok: false, at: i, reason: chain.stop };
        continue;
      }
      if ('follow' in verdict) {
        if (i === steps.length - 1) outcome = { ok: false, at: i, reason: chain.stop ?? 'redirect-not-followed' };
        continue;
      }
      outcome = verdict.ok ? { ok: true, at: i } : { ok: false, at: i, reason: verdict.reason };
    }
    outcome ??= { ok: false, at: steps.length - 1, reason: chain.stop ?? 'no-answer' };

    if (first.method === 'v2-json') {
      // The v2 answer only qualifies Exchange Online's POX endpoint; it is never the winner.
      exoConfirmed = outcome.ok && steps[outcome.at]!.response === 'json-url';
      setDecision(steps[0]!, exoConfirmed ? 'used' : 'passed-over', exoConfirmed ? 'mailbox-in-exo' : outcome.ok ? 'mailbox-not-in-exo' : reasonOf(outcome));
      continue;
    }
    if (outcome.ok) {
      for (let i = 0; i <= outcome.at; i += 1) setDecision(steps[i]!, 'used', steps[i]!.reason);
      if (chain.stop === 'needs-confirmation') steps[outcome.at]!.reason = 'needs-confirmation';
      winner = start + outcome.at;
      for (const s of steps.slice(outcome.at + 1)) markNotReached(s);
    } else {
      for (let i = 0; i < outcome.at; i += 1) setDecision(steps[i]!, 'passed-over', 'redirect-failed');
      setDecision(steps[outcome.at]!, 'passed-over', outcome.reason);
    }
  }
  return { candidates, ...(winner !== undefined ? { winner } : {}) };
}

function reasonOf(outcome: { ok: false; reason: string } | { ok: true }): string {
  return 'reason' in outcome ? outcome.reason : 'no-answer';
}

function setDecision(step: AutodiscoverCandidate, decision: AutodiscoverCandidate['decision'], reason: string | undefined): void {
  step.decision = decision;
  if (reason) step.reason = reason;
  else delete step.reason;
}

function markNotReached(step: AutodiscoverCandidate): void {
  // A note such as `target-outside-domain` stays; a decision of its own it has none.
  step.decision = 'not-reached';
}
