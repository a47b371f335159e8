import type { ExchangeEndpoint } from '../../model/probe-data';
import {
  CHALLENGING_ENDPOINTS,
  describeResponse,
  groupByEndpoint,
  httpAnswers,
  isChallengeAnswer,
  listForText,
  offMailboxPath,
  type HttpAnswer,
} from '../http-evidence';
import { defineRule } from '../rule';

/**
 * An Exchange endpoint answers the anonymous first request without 401 and WWW-Authenticate.
 *
 * Outlook learns the sign-in methods only from that 401; without it, it cannot even ask for a
 * password and stays "Getrennt". Answers that belong to another finding are left to it: 5xx
 * (`server.backend-error`, `server.unavailable`), 404 (`server.protocol-missing`), 405/501 to
 * RPC_IN_DATA (`server.rpc-methods-blocked`). Lowered when only Autodiscover or EWS lack the
 * challenge while /mapi or /rpc ask for it as they should.
 */
export const authNoChallengeRule = defineRule({
  id: 'auth.no-challenge',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked', 'server.unavailable'],
  evaluate(evidence) {
    const hits = httpAnswers(evidence).filter(lacksChallenge);
    if (hits.length === 0) return null;
    const groups = groupByEndpoint(hits);
    const endpoints = new Set<ExchangeEndpoint>(hits.map((h) => h.data.endpoint));
    const lowered = offMailboxPath(evidence, endpoints);
    return {
      evidence: hits.map((h) => h.id),
      args: {
        host: hits[0]!.data.host,
        endpoints: listForText(groups.map((g) => `${g.label} → ${describeResponse(g.first.response)}`)),
        ...(lowered ? { lowered: 'mailbox-path-fine' } : {}),
      },
      ...(lowered ? { severity: 'warning' as const } : {}),
    };
  },
});

function lacksChallenge({ data, response }: HttpAnswer): boolean {
  if (!CHALLENGING_ENDPOINTS.has(data.endpoint) || isChallengeAnswer(response)) return false;
  const { status } = response;
  if (status >= 500 || status === 404) return false;
  if (data.endpoint === 'rpc-in-data' && (status === 405 || status === 501)) return false;
  return true;
}
