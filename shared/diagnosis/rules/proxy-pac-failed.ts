import type { PacOutcome } from '../../model/probe-data';
import { withData } from '../http-evidence';
import { defineRule } from '../rule';

/** Longest error message put into a finding's text; PAC engines can throw whole stack traces. */
const MAX_REASON_CHARS = 160;

/**
 * The PAC file cannot be fetched or evaluated.
 *
 * Windows then falls back to the next setting or to a direct connection, which the company's
 * firewall may not allow. A WPAD lookup that finds no PAC at all is the normal state outside a
 * company network ("detect settings automatically" with nothing to detect) and is not raised;
 * a WPAD file that was found but is broken is.
 */
export const proxyPacFailedRule = defineRule({
  id: 'proxy.pac-failed',
  evaluate(evidence) {
    for (const r of withData(evidence, 'proxy.config')) {
      const pac = r.data.pac;
      if (!pac?.error || nothingToDetect(pac)) continue;
      return { evidence: [r.id], args: { pacUrl: pac.url, reason: reasonOf(pac) } };
    }
    return null;
  },
});

function nothingToDetect(pac: PacOutcome): boolean {
  return pac.via !== 'configured' && pac.status === undefined && (pac.error?.kind === 'fetch' || pac.error?.kind === 'timeout');
}

function reasonOf(pac: PacOutcome): string {
  const error = pac.error!;
  const status = pac.status !== undefined && error.kind === 'http-status' ? ` HTTP ${pac.status}` : '';
  const message = error.message.length > MAX_REASON_CHARS ? `${error.message.slice(0, MAX_REASON_CHARS)}…` : error.message;
  return `${error.kind}${status}: ${message}`;
}
