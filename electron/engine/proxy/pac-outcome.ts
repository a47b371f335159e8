import type { PacOutcome } from '../../../shared/model/probe-data';
import type { RunServices } from '../run-services';
import { fetchPac } from './pac-fetch';
import { parsePacResult, MAX_PAC_RESULT_CHARS, type PacDecision } from './pac-result';
import { evaluatePac, type PacEnvironment } from './pac-sandbox';

export interface PacRun {
  outcome: PacOutcome;
  /** Present when the file was fetched and evaluated to a usable answer. */
  decision?: PacDecision;
}

/**
 * Fetches a PAC file and asks it about the Exchange URL: the evidence of one PAC source.
 *
 * Download (size cap, deadline), sandboxed evaluation (CPU, memory, time limits), then the
 * answer read as proxies; the first failure is the outcome's `error`.
 */
export async function runPacFile(
  services: RunServices,
  environment: PacEnvironment,
  pacUrl: string,
  via: PacOutcome['via'],
  exchangeUrl: string,
  signal: AbortSignal,
): Promise<PacRun> {
  const fetched = await fetchPac(services, pacUrl, signal);
  const outcome: PacOutcome = {
    url: fetched.url,
    via,
    ...(fetched.status !== undefined ? { status: fetched.status } : {}),
    ...(fetched.bytes !== undefined ? { bytes: fetched.bytes } : {}),
    ...(fetched.exchanges.length > 0 ? { exchanges: fetched.exchanges } : {}),
  };
  if (fetched.error || fetched.text === undefined) {
    return { outcome: { ...outcome, error: fetched.error ?? { kind: 'fetch', message: 'no content' } } };
  }
  const evaluation = await evaluatePac(fetched.text, exchangeUrl, environment, signal);
  if (evaluation.error) return { outcome: { ...outcome, error: evaluation.error } };
  if (typeof evaluation.result === 'string') outcome.result = evaluation.result.slice(0, MAX_PAC_RESULT_CHARS);
  const parsed = parsePacResult(evaluation.result);
  if ('error' in parsed) return { outcome: { ...outcome, error: { kind: 'bad-result', message: parsed.error } } };
  return { outcome, decision: parsed };
}
