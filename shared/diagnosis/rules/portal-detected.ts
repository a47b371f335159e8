import { probesOf } from '../../model/evidence';
import type { ConnectivityData } from '../../model/probe-data';
import { CHALLENGING_ENDPOINTS, describeResponse, httpAnswers, isForeignHost, locationHost, ownDomains, withoutQuery, type HttpAnswer } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * A captive portal (hotel, guest WLAN) answers instead of the internet and of Exchange.
 *
 * Raised on the connectivity check's own verdict `portal`. Exchange URLs answered like a portal
 * (a redirect to a foreign host, or an HTML page without challenge) count only when the
 * connectivity check did not come back fine either: with a working internet connection the same
 * answers point to a reverse proxy's pre-authentication instead (`auth.no-challenge`).
 */
export const portalDetectedRule = defineRule({
  id: 'portal.detected',
  evaluate(evidence) {
    const checks = probesOf(evidence, 'connectivity').filter((r): r is typeof r & { data: ConnectivityData } => r.data !== undefined);
    const portal = checks.find((r) => r.data.outcome === 'portal');
    if (portal) return { evidence: [portal.id], args: { url: portal.data.url, answer: describeConnectivity(portal.data) } };

    const wrong = checks.filter((r) => r.data.outcome === 'wrong-answer');
    if (wrong.length === 0 || checks.some((r) => r.data.outcome === 'ok')) return null;
    const own = ownDomains(evidence);
    const hits = httpAnswers(evidence).filter((a) => looksLikePortal(a, own));
    const first = hits[0];
    if (!first) return null;
    return {
      evidence: [...wrong.map((r) => r.id), ...hits.map((a) => a.id)],
      args: { url: withoutQuery(first.data.request.url), answer: describeResponse(first.response) },
    };
  },
});

/** An Exchange endpoint answered the way a portal answers: away to a foreign host, or a web page without challenge. */
function looksLikePortal(answer: HttpAnswer, own: readonly string[]): boolean {
  if (!CHALLENGING_ENDPOINTS.has(answer.data.endpoint)) return false;
  const { status, location, challenges, body } = answer.response;
  if (status >= 300 && status < 400 && location) {
    const target = locationHost(location, answer.data.request.url);
    return target !== undefined && isForeignHost(target, own);
  }
  return status === 200 && challenges.length === 0 && /html/i.test(body.contentType ?? '');
}

function describeConnectivity(data: ConnectivityData): string {
  if (data.response) return describeResponse(data.response);
  return data.error ? `${data.error.kind}: ${data.error.message}` : data.outcome;
}
