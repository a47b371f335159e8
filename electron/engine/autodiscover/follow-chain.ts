import type { AutodiscoverCandidate } from '../../../shared/model/probe-data';
import type { PlannedCandidate } from './candidate-list';
import type { NextHop } from './classify-answer';
import { probeStep, type StepContext, type StepResult } from './probe-step';
import type { CandidateChain } from './walk-decision';

/**
 * A candidate and the redirects it leads to, followed anonymously as Outlook does before it
 * signs in.
 *
 * At most `MAX_REDIRECT_HOPS` redirects (the POX documentation's limit, also exchangelib's), only
 * to https, never in a circle: the chain stops with the reason at the step that asked for more.
 */

/** Redirects followed from one candidate: "stop after 10 redirects" (protocol-facts §1.2). */
export const MAX_REDIRECT_HOPS = 10;

export interface ChainStep {
  result: StepResult;
  email: string;
}

/** The chain as the decision sees it, and each step's result for the credential test. */
export interface FollowedChain extends CandidateChain {
  results: ChainStep[];
}

/** Identity of a hop: the URL without fragment and the mailbox asked for, lower-cased. */
export function hopKey(url: string, email: string): string {
  let normalized = url;
  try {
    const u = new URL(url);
    u.hash = '';
    normalized = u.href;
  } catch {
    // A URL that does not parse is its own key.
  }
  return `${normalized.toLowerCase()} ${email.toLowerCase()}`;
}

/**
 * Why a hop is not followed, or undefined when it is: `not-https`, `redirect-loop`,
 * `redirect-limit`. `redirectsSoFar` counts the redirects already followed in the chain.
 */
export function hopRefusal(next: NextHop, email: string, visited: ReadonlySet<string>, redirectsSoFar: number): string | undefined {
  if (redirectsSoFar >= MAX_REDIRECT_HOPS) return 'redirect-limit';
  if (!next.url.toLowerCase().startsWith('https://')) return 'not-https';
  if (visited.has(hopKey(next.url, next.email ?? email))) return 'redirect-loop';
  return undefined;
}

export async function followChain(ctx: StepContext, planned: PlannedCandidate, email: string): Promise<FollowedChain> {
  const chain: FollowedChain = { steps: [], results: [] };
  const visited = new Set<string>();
  let target = { method: planned.method, url: planned.url, probe: planned.probe, email };
  for (;;) {
    visited.add(hopKey(target.url, target.email));
    const result = await probeStep(ctx, target);
    const candidate: AutodiscoverCandidate = result.candidate;
    if (chain.steps.length === 0 && planned.note) candidate.reason = planned.note;
    chain.steps.push(candidate);
    chain.results.push({ result, email: target.email });
    if (result.answer.stop) {
      chain.stop = result.answer.stop;
      break;
    }
    const next = result.answer.next;
    if (!next || ctx.signal.aborted) break;
    const refusal = hopRefusal(next, target.email, visited, chain.steps.length - 1);
    if (refusal) {
      chain.stop = refusal;
      break;
    }
    target = { method: 'redirect', url: next.url, probe: 'pox', email: next.email ?? target.email };
  }
  return chain;
}
