import { describe, expect, it } from 'vitest';
import { evidenceOf, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { serverProtocolMissingRule } from './server-protocol-missing';
import { serverRpcMethodsBlockedRule } from './server-rpc-methods-blocked';

describe('server.rpc-methods-blocked', () => {
  it.each(RAISING['server.rpc-methods-blocked'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(serverRpcMethodsBlockedRule, evidence).severity).toBe(severity);
  });

  it('names the device\'s answer', () => {
    expect(hitOf(serverRpcMethodsBlockedRule, RAISING['server.rpc-methods-blocked'][0]!.evidence).args).toEqual({
      host: 'mail.contoso.com',
      endpoints: 'RPC_IN_DATA mail.contoso.com/rpc/rpcproxy.dll → HTTP 405 text/html (Server: nginx)',
    });
  });

  it('not raised when RPC_IN_DATA gets Exchange\'s 401, or a GET gets 405', () => {
    expect(serverRpcMethodsBlockedRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
    expect(serverRpcMethodsBlockedRule.evaluate(evidenceOf([http('rpc', { status: 405 })]))).toBeNull();
  });

  it('a missing /rpc is the cause, not the methods', () => {
    const evidence = evidenceOf([http('rpc', { status: 404 }), http('rpc-in-data', { status: 501 })]);
    expect(raisedIds(evidence, serverProtocolMissingRule, serverRpcMethodsBlockedRule)).toEqual(['server.protocol-missing']);
  });
});
