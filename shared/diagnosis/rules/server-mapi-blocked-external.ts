import { withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * MAPI over HTTP is refused for this mailbox from outside while RPC over HTTP is off too
 * (MAPIBlockOutlookExternalConnectivity with MAPIBlockOutlookRpcHttp): the mailbox is
 * "Getrennt" outside the company network by the administrator's choice, not by a network fault.
 *
 * Only the credential test can see it. When Outlook Anywhere is still offered, Outlook falls
 * back to it and the block does not disconnect; nothing is raised then.
 */
export const serverMapiBlockedExternalRule = defineRule({
  id: 'server.mapi-blocked-external',
  evaluate(evidence) {
    const hit = withData(evidence, 'auth.credentials').find((r) => r.data.mapi?.externalBlocked === true && r.data.mapi.rpcHttpOffered !== true);
    if (!hit) return null;
    return { evidence: [hit.id], args: { host: hit.data.host, user: evidence.input.user ?? evidence.input.email ?? '–' } };
  },
});
