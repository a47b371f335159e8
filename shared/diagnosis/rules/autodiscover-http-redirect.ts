import { originOf } from '../autodiscover-evidence';
import { withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * Outlook finds its settings only through the HTTP redirect or the SRV record.
 *
 * Both work, but Outlook asks the user whether to trust the redirect, and they are the last
 * steps: every earlier one must time out first, which makes setup and every refresh slow.
 */
export const autodiscoverHttpRedirectRule = defineRule({
  id: 'autodiscover.http-redirect',
  dependsOn: ['portal.detected'],
  evaluate(evidence) {
    for (const r of withData(evidence, 'autodiscover')) {
      if (r.data.winner === undefined) continue;
      const winner = r.data.candidates[r.data.winner];
      const origin = originOf(r.data, r.data.winner);
      if (!winner || !origin || (origin.method !== 'http-redirect' && origin.method !== 'srv')) continue;
      return { evidence: [r.id], args: { via: origin.url, url: winner.url, method: origin.method } };
    }
    return null;
  },
});
