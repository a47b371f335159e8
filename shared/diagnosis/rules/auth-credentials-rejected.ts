import type { ExchangeEndpoint } from '../../model/probe-data';
import { isSuccess, listForText, MAILBOX_ENDPOINTS, schemeLabel, withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * The optional credential test was answered 401 again: the server does not accept the sign-in.
 *
 * Judged per endpoint: it counts when no method succeeded there. A MAPI refusal that is the
 * per-mailbox external block is `server.mapi-blocked-external`, not a wrong password. Lowered
 * when only Autodiscover or EWS refused while /mapi or /rpc accepted the same credentials: the
 * password is right and Outlook's mailbox connection signs in.
 */
export const authCredentialsRejectedRule = defineRule({
  id: 'auth.credentials-rejected',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked'],
  evaluate(evidence) {
    const results = withData(evidence, 'auth.credentials');
    const hits = results.filter(
      (r) =>
        !r.data.mapi?.externalBlocked &&
        r.data.attempts.some((a) => a.rejected) &&
        !r.data.attempts.some((a) => isSuccess(a.status)),
    );
    const first = hits[0];
    if (!first) return null;
    const accepted = results.filter((r) => r.data.attempts.some((a) => isSuccess(a.status)));
    const endpoints = new Set<ExchangeEndpoint>(hits.map((r) => r.data.endpoint));
    const lowered =
      ![...endpoints].some((e) => MAILBOX_ENDPOINTS.has(e)) && accepted.some((r) => MAILBOX_ENDPOINTS.has(r.data.endpoint));
    const methods = [...new Set(hits.flatMap((r) => r.data.attempts.filter((a) => a.rejected).map((a) => schemeLabel(a.method))))];
    return {
      evidence: hits.map((r) => r.id),
      args: {
        user: evidence.input.user ?? '–',
        host: first.data.host,
        endpoints: listForText(hits.map((r) => r.data.url)),
        methods: methods.join(', '),
        ...(lowered ? { lowered: 'mailbox-accepted', accepted: listForText(accepted.map((r) => r.data.url)) } : {}),
      },
      ...(lowered ? { severity: 'warning' as const } : {}),
    };
  },
});
