import { describe, expect, it } from 'vitest';
import { evidenceOf, exchangeWith, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { serverProtocolMissingRule } from './server-protocol-missing';
import { serverUnavailableRule } from './server-unavailable';

describe('server.protocol-missing', () => {
  it.each(RAISING['server.protocol-missing'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(serverProtocolMissingRule, evidence).severity).toBe(severity);
  });

  it('lowered to information only for a missing /rpc beside a working /mapi', () => {
    expect(hitOf(serverProtocolMissingRule, RAISING['server.protocol-missing'][1]!.evidence).args?.lowered).toBe('mapi-fine');
    const both = evidenceOf([http('mapi', { status: 404 }), http('rpc', { status: 404 })]);
    expect(hitOf(serverProtocolMissingRule, both).severity).toBeUndefined();
    const rpcOnlyNoMapiSeen = evidenceOf([http('rpc', { status: 404 }), http('ews')]);
    expect(hitOf(serverProtocolMissingRule, rpcOnlyNoMapiSeen).severity).toBeUndefined();
  });

  it('not raised for 404 on OWA or EWS, nor for a healthy Exchange', () => {
    expect(serverProtocolMissingRule.evaluate(evidenceOf([http('owa', { status: 404 }), http('ews', { status: 404 })]))).toBeNull();
    expect(serverProtocolMissingRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
  });

  it('raised, not hidden, when the missing directory\'s health check answers 404 as well', () => {
    const evidence = evidenceOf(exchangeWith(http('mapi', { status: 404 }), http('healthcheck', { status: 404 })));
    expect(raisedIds(evidence, serverUnavailableRule, serverProtocolMissingRule)).toEqual(['server.protocol-missing']);
  });

  it('an unavailable server (a load balancer\'s sorry page) is the cause', () => {
    const evidence = evidenceOf([http('mapi', { status: 404 }), http('healthcheck', { status: 503 })]);
    expect(raisedIds(evidence, serverUnavailableRule, serverProtocolMissingRule)).toEqual(['server.unavailable']);
  });
});
