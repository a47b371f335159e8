import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../e2e/fixtures/bundle-fixture';
import { REDACTION_KINDS, type RedactionCounts } from '../bundle/bundle-input';
import { renderReportHtml } from '../bundle/render-report-html';
import { translator } from '../i18n';
import { autodiscover, candidate, DOMAIN, rootDomainCandidate } from '../diagnosis/testing/http-evidence-builders';
import type { AutodiscoverData } from '../model/probe-data';
import { autodiscoverOf, autodiscoverWalkView, reasonText } from './autodiscover-walk';
import type { Report } from './report-schema';
import { textSummary } from './text-summary';

/** A walk as Outlook goes it: skipped steps, a root domain with a foreign certificate, an http redirect to the winner, the rest not asked. */
function walkData(): AutodiscoverData {
  const walk = autodiscover(
    [
      { method: 'scp', url: '', host: '', decision: 'skipped', reason: 'not-domain-joined', response: 'no-answer' },
      rootDomainCandidate({ reason: 'cert-name', tls: { protocol: 'TLSv1.3', trusted: true, nameMatches: false }, http: { method: 'POST', status: 200, challenges: [], body: { bytes: 90, truncated: false, contentType: 'text/html; charset=utf-8' } }, response: 'invalid' }),
      candidate({ decision: 'passed-over', reason: 'no-answer', tcp: { address: '192.0.2.7', error: { kind: 'refused', message: 'ECONNREFUSED' } }, response: 'no-answer', tls: undefined, http: undefined }),
      candidate({ method: 'http-redirect', url: `http://autodiscover.${DOMAIN}/autodiscover/autodiscover.xml`, decision: 'used', tls: undefined, http: { method: 'GET', status: 302, challenges: [] }, redirectTo: `https://mail.${DOMAIN}/autodiscover/autodiscover.xml`, response: 'http-redirect' }),
      candidate({ method: 'redirect', host: `mail.${DOMAIN}`, url: `https://mail.${DOMAIN}/autodiscover/autodiscover.xml`, redirectedFrom: 3, decision: 'used' }),
      { method: 'srv', url: '', host: '', decision: 'skipped', reason: 'registry:ExcludeSrvRecord', response: 'no-answer' },
      { method: 'exo', url: 'https://autodiscover-s.outlook.com/autodiscover/autodiscover.xml', host: 'autodiscover-s.outlook.com', decision: 'not-reached', response: 'no-answer' },
    ],
    4,
  ).data!;
  return { ...walk, credentialTest: 'done', protocols: [{ type: 'mapiHttp' }, { type: 'EXPR' }] };
}

function reportWith(data: unknown): Report {
  const report = sampleReport();
  report.probes.push({ id: `autodiscover:${DOMAIN}`, probe: 'autodiscover', kind: 'autodiscover', target: `Autodiscover for ${DOMAIN}`, status: 'ok', startedAt: report.startedAt, durationMs: 300, summary: 'walk', data: data as Record<string, unknown> });
  return report;
}

describe('the Autodiscover walk, candidate by candidate', () => {
  it('lists every candidate in order with its outcome, the decision and why, the winner marked (German)', () => {
    const view = autodiscoverWalkView(walkData(), translator('de'));
    expect(view.title).toBe('Autodiscover für contoso.com (wie „E-Mail-AutoKonfiguration testen“ in Outlook)');
    expect(view.steps.map((s) => `${s.number} ${s.method} | ${s.decisionText}`)).toEqual([
      '1 Active Directory (SCP) | übersprungen: der Computer ist nicht Mitglied einer Domäne',
      '2 Stammdomäne | übergangen: das Zertifikat nennt den Namen nicht',
      '3 autodiscover.<Domäne> | übergangen: keine Antwort',
      '4 HTTP-Umleitung | verwendet',
      '5 Weiterleitung von Nr. 4 | verwendet – Outlook verwendet diese Antwort',
      '6 SRV-Eintrag | übersprungen: abgeschaltet durch den Registry-Wert ExcludeSrvRecord=1',
      '7 Exchange Online | nicht gefragt (Outlook hört beim Gewinner auf)',
    ]);
    expect(view.steps[1]!.steps).toEqual([
      { label: 'DNS', text: '192.0.2.20' },
      { label: 'TCP', text: '192.0.2.20 verbunden in 3 ms' },
      { label: 'TLS', text: 'TLSv1.3, Zertifikat nennt den Namen nicht' },
      { label: 'HTTP', text: 'POST 200 text/html' },
    ]);
    expect(view.steps[2]!.steps.map((s) => s.text)).toEqual(['192.0.2.20', '192.0.2.7: Verbindung abgelehnt']);
    expect(view.steps[3]!.steps.at(-1)).toEqual({ label: 'HTTP', text: `GET 302 → https://mail.${DOMAIN}/autodiscover/autodiscover.xml` });
    expect(view.steps[4]!.steps.at(-1)).toEqual({ label: 'HTTP', text: 'POST 401 (Negotiate, NTLM, Basic)' });
    expect(view.steps[0]!.steps).toEqual([]);
    const rejected = walkData();
    rejected.candidates[4]!.credentialAttempts = [{ method: 'ntlm', status: 401, rejected: true, challenges: [] }];
    expect(autodiscoverWalkView(rejected, translator('de')).steps[4]!.steps.at(-1)).toEqual({ label: 'Anmeldung', text: 'NTLM 401 (abgelehnt)' });
    expect(view.steps.filter((s) => s.winner).map((s) => s.number)).toEqual([5]);
    expect(view.result).toBe(`Outlook verwendet https://mail.${DOMAIN}/autodiscover/autodiscover.xml (Weiterleitung von Nr. 4, nach 4 gefragten Kandidaten).`);
    expect(view.credentialTest).toBe('Anmeldetest: durchgeführt');
    expect(view.protocols).toBe('Einstellungen aus der Antwort: mapiHttp, EXPR');
  });

  it('in English, and without a winner', () => {
    const data = walkData();
    delete data.winner;
    const view = autodiscoverWalkView(data, translator('en'));
    expect(view.steps[1]!.decisionText).toBe('passed over: the certificate does not name the host');
    expect(view.steps[5]!.decisionText).toBe('skipped: switched off by the registry value ExcludeSrvRecord=1');
    expect(view.result).toBe('No candidate answers like Exchange (4 asked): Outlook does not find its settings.');
  });

  it('reads reason codes with details, and keeps unknown ones as they are', () => {
    const de = translator('de');
    expect(reasonText('pox-error:600', de)).toBe('Autodiscover meldet den Fehler 600');
    expect(reasonText('v2-error:ProtocolNotSupported', translator('en'))).toBe('the v2 endpoint reports the error ProtocolNotSupported');
    expect(reasonText('needs-confirmation', translator('en'))).toBe('outside the mail domain: credentials held back, Outlook asks first');
    expect(reasonText('some-future-code', de)).toBe('some-future-code');
  });

  it('is in the text summary, one block per candidate, between the findings and the sections', () => {
    const text = textSummary(reportWith(walkData()), { lang: 'de' });
    const start = text.indexOf('Autodiscover für contoso.com');
    expect(start).toBeGreaterThan(text.indexOf('[!!]'));
    expect(start).toBeLessThan(text.indexOf('Bereiche:'));
    const block = text.slice(start, text.indexOf('Bereiche:'));
    expect(block).toContain('  2.   Stammdomäne https://contoso.com/autodiscover/autodiscover.xml\n');
    expect(block).toContain(
      [
        '         DNS      192.0.2.20',
        '         TCP      192.0.2.20 verbunden in 3 ms',
        '         TLS      TLSv1.3, Zertifikat nennt den Namen nicht',
        '         HTTP     POST 200 text/html',
        '         → übergangen: das Zertifikat nennt den Namen nicht',
      ].join('\n'),
    );
    expect(block).toContain('→ übergangen: das Zertifikat nennt den Namen nicht');
    expect(block).toMatch(/ {2}5\. \* Weiterleitung von Nr\. 4 https:\/\/mail\.contoso\.com\/autodiscover\/autodiscover\.xml\n/);
    expect(block).toContain('Anmeldetest: durchgeführt');
    expect(textSummary(reportWith(walkData()), { lang: 'de', walk: false })).not.toContain('Autodiscover für');
    expect(textSummary(sampleReport(), { lang: 'de' })).not.toContain('Autodiscover für');
  });

  it('says in the summary when credentials were held back', () => {
    const data = walkData();
    data.candidates[4]!.reason = 'needs-confirmation';
    data.candidates[4]!.host = 'mail.partner.example';
    expect(textSummary(reportWith(data), { lang: 'de' }).replace(/\s+/g, ' ')).toContain('Anmeldetest: Das Kennwort wurde nicht an mail.partner.example gesendet – der Server liegt außerhalb der Maildomäne contoso.com');
  });

  it('is a table in report.html, the winner marked, server strings escaped', () => {
    const data = walkData();
    data.candidates[1]!.http!.body!.contentType = '<script>x</script>';
    const counts = Object.fromEntries(REDACTION_KINDS.map((k) => [k, 0])) as RedactionCounts;
    const page = renderReportHtml(reportWith(data), { lang: 'en', createdAt: '2026-11-22T09:30:00.000Z', anonymized: false, redactions: counts });
    const section = page.slice(page.indexOf('<section aria-labelledby="walk-title">'), page.indexOf('</section>', page.indexOf('walk-title')));
    expect(section).toContain('<h2 id="walk-title">Autodiscover for contoso.com (like &quot;Test E-mail AutoConfiguration&quot; in Outlook)</h2>');
    expect(section.match(/<tr class="walk-/g)).toHaveLength(7);
    expect(section).toContain('<tr class="walk-used winner"><td>5</td><td>redirect from no. 4 <code class="line">https://mail.contoso.com/autodiscover/autodiscover.xml</code></td>');
    expect(section).toContain('<b>used – Outlook uses this answer</b>');
    expect(section).toContain('<span class="line"><b>TLS</b> TLSv1.3, certificate does not name the host</span>');
    expect(section).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(section).not.toContain('<script>');
    expect(section).toContain('Sign-in test: done');
  });

  it('survives data of the wrong shape (a report from elsewhere)', () => {
    expect(autodiscoverOf(reportWith({ domain: 'x', candidates: 'nope' }))).toBeUndefined();
    const odd = autodiscoverWalkView({ domain: 'x', candidates: [null, 7, { method: 'srv', decision: 'passed-over', tcp: { address: 1 } }] } as unknown as AutodiscoverData, translator('de'));
    expect(odd.steps).toHaveLength(1);
    expect(odd.steps[0]!.steps).toEqual([{ label: 'TCP', text: '1 verbunden in ? ms' }]);
  });
});
