import { describe, expect, it } from 'vitest';
import type { AutodiscoverCandidate } from '../../../shared/model/probe-data';
import { decideWalk, type CandidateChain } from './walk-decision';

/** A probed step (the prober leaves the decision to the walk). */
function step(method: AutodiscoverCandidate['method'], response: AutodiscoverCandidate['response'], extra: Partial<AutodiscoverCandidate> = {}): AutodiscoverCandidate {
  const host = extra.host ?? `${method}.contoso.com`;
  return { method, url: `https://${host}/autodiscover/autodiscover.xml`, host, decision: 'passed-over', response, ...extra };
}
const chain = (...steps: AutodiscoverCandidate[]): CandidateChain => ({ steps });
const skipped = (method: AutodiscoverCandidate['method'], reason: string): CandidateChain => chain({ ...step(method, 'no-answer'), decision: 'skipped', reason });
const summary = (chains: CandidateChain[]) => {
  const d = decideWalk(chains);
  return { winner: d.winner, list: d.candidates.map((c) => `${c.method} ${c.decision}${c.reason ? ` ${c.reason}` : ''}${c.redirectedFrom !== undefined ? ` <${c.redirectedFrom}` : ''}`) };
};

describe('the walk decision', () => {
  it('the first answer like Exchange wins; later ones are not reached; skipped ones keep their reason', () => {
    expect(
      summary([
        skipped('scp', 'not-windows'),
        chain(step('root-domain', 'not-exchange')),
        chain(step('autodiscover-domain', 'exchange-401')),
        chain(step('srv', 'exchange-401')),
      ]),
    ).toEqual({ winner: 2, list: ['scp skipped not-windows', 'root-domain passed-over not-exchange', 'autodiscover-domain used', 'srv not-reached'] });
  });

  it('a certificate for another name, or an untrusted one, is passed over even when Exchange answers', () => {
    const mismatch = step('root-domain', 'exchange-401', { tls: { nameMatches: false, trusted: true } });
    const untrusted = step('autodiscover-domain', 'exchange-401', { tls: { nameMatches: true, trusted: false } });
    expect(summary([chain(mismatch), chain(untrusted), chain(step('srv', 'exchange-401'))]).list).toEqual([
      'root-domain passed-over cert-name',
      'autodiscover-domain passed-over cert-untrusted',
      'srv used',
    ]);
  });

  it('a redirect chain that ends at Exchange wins with every hop used', () => {
    const redirect = step('http-redirect', 'http-redirect', { url: 'http://autodiscover.contoso.com/autodiscover/autodiscover.xml' });
    expect(summary([chain(step('root-domain', 'invalid')), chain(redirect, step('redirect', 'exchange-401', { host: 'mail.contoso.com' }))])).toEqual({
      winner: 2,
      list: ['root-domain passed-over invalid', 'http-redirect used', 'redirect used <1'],
    });
  });

  it('a chain stopped by a refusal is passed over with that reason at the step that asked', () => {
    for (const stop of ['not-https', 'redirect-loop', 'redirect-limit', 'http-body-ignored']) {
      const d = summary([{ steps: [step('http-redirect', 'http-redirect'), step('redirect', 'http-redirect')], stop }]);
      expect(d).toEqual({ winner: undefined, list: ['http-redirect passed-over redirect-failed', `redirect passed-over ${stop} <0`] });
    }
  });

  it('credentials held back for a foreign host do not make the winner wrong', () => {
    const d = summary([{ steps: [step('srv', 'exchange-401', { host: 'mail.hoster.example' })], stop: 'needs-confirmation' }]);
    expect(d).toEqual({ winner: 0, list: ['srv used needs-confirmation'] });
  });

  it('Exchange Online counts only when its v2 answer says it hosts the mailbox', () => {
    const v2Yes = chain(step('v2-json', 'json-url'));
    const v2No = { steps: [step('v2-json', 'http-redirect')], stop: 'mailbox-not-in-exo' };
    expect(summary([chain(step('root-domain', 'not-exchange')), v2Yes, chain(step('exo', 'exchange-401'))])).toEqual({
      winner: 2,
      list: ['root-domain passed-over not-exchange', 'v2-json used mailbox-in-exo', 'exo used'],
    });
    expect(summary([v2No, chain(step('exo', 'exchange-401'))])).toEqual({
      winner: undefined,
      list: ['v2-json passed-over mailbox-not-in-exo', 'exo passed-over mailbox-not-in-exo'],
    });
  });

  it("the v2 endpoint's own JSON error is passed over with its code, an error without one as not Exchange", () => {
    const refused = chain(step('v2-json', 'not-exchange', { errorCode: 'ProtocolNotSupported' }));
    expect(summary([refused, chain(step('exo', 'exchange-401'))]).list).toEqual(['v2-json passed-over v2-error:ProtocolNotSupported', 'exo passed-over mailbox-not-in-exo']);
    expect(summary([chain(step('v2-json', 'not-exchange'))]).list).toEqual(['v2-json passed-over not-exchange']);
  });

  it('POX errors and server errors are passed over with their code', () => {
    expect(summary([chain(step('root-domain', 'pox-error', { errorCode: '600' })), chain(step('autodiscover-domain', 'server-error'))]).list).toEqual([
      'root-domain passed-over pox-error:600',
      'autodiscover-domain passed-over server-error',
    ]);
  });
});
