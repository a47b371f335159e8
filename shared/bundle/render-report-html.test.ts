import { describe, expect, it } from 'vitest';
import { sampleChecklist, sampleMonitor, sampleReport } from '../../e2e/fixtures/bundle-fixture';
import { REDACTION_KINDS, type RedactionCounts } from './bundle-input';
import { escapeHtml, html } from './html';
import { renderReportHtml } from './render-report-html';

const counts = Object.fromEntries(REDACTION_KINDS.map((k) => [k, 0])) as RedactionCounts;
const render = (lang: 'de' | 'en' = 'de') =>
  renderReportHtml(sampleReport(), {
    lang,
    checklist: sampleChecklist(),
    monitor: { lines: 3600, statistics: sampleMonitor(10).statistics! },
    createdAt: '2026-11-22T09:30:00.000Z',
    anonymized: false,
    redactions: { ...counts, authorization: 3, cookie: 2 },
    systemEntries: ['system/ipconfig-all.txt'],
  });

describe('html template', () => {
  it('escapes every interpolation unless it is SafeHtml', () => {
    expect(html`<p title="${'"x\''}">${'<b>&'}</p>${html`<i>${'<'}</i>`}`.value).toBe('<p title="&quot;x&#39;">&lt;b&gt;&amp;</p><i>&lt;</i>');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('renderReportHtml', () => {
  const page = render();

  it('is one self-contained document: no script, no external resource, a CSP that forbids both', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    // Every `<` of content is escaped, so each `<name …>` here is a real tag of the page.
    const tags = [...page.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2]! }));
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'b', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'ul', 'li', 'a', 'code', 'pre', 'details', 'summary', 'dl', 'dt', 'dd']);
    expect(tags.filter((t) => !allowed.has(t.name))).toEqual([]);
    expect(tags.filter((t) => /\s(src|srcset|action|formaction|on\w+)\s*=/i.test(t.attributes))).toEqual([]);
    expect(page).not.toMatch(/url\(|@import/i);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^#probe-\d+$/.test(h))).toBe(true);
  });

  it('keeps hostile strings from servers as text', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Microsoft-IIS/10.0 &lt;script&gt;alert(&#39;server&#39;)&lt;/script&gt;');
    expect(page).toContain('Nur Basic-Anmeldung &lt;b&gt;angeboten&lt;/b&gt; &quot;quoted&quot; &amp; more');
    expect(page).toContain('Ja &lt;b&gt;Hotel&lt;/b&gt;');
  });

  it('shows the verdict as a traffic light, sections, findings with both text parts, probes, checklist and monitor', () => {
    expect(page).toContain('class="verdict verdict-problem"');
    expect(page).toContain('<span class="lamp red on"></span><span class="lamp yellow"></span><span class="lamp green"></span>');
    expect(page).toContain('<h2 id="verdict-title">Problem gefunden</h2>');
    expect(page).toContain('Gäste-LAN/WLAN-Portal');
    expect(page).toContain('<h4>Was Sie tun können</h4><ol><li>Öffnen Sie einen Browser und melden Sie sich am Portal an.</li><li>Starten Sie danach die Prüfung erneut.</li></ol>');
    expect(page).toContain('<h4>Für den IT-Support</h4>');
    expect(page.match(/<details class="probe"/g)).toHaveLength(sampleReport().probes.length);
    expect(page).toContain('<code>http:rpc-timeout</code> <span class="dur">5 s</span>');
    expect(page).toContain('&quot;totalMs&quot;: 70.1');
    expect(page).toContain('Haben Sie Ihr Kennwort kürzlich geändert?');
    expect(page).toContain('3600 Messungen im Protokoll');
    expect(page).toContain('Längster Ausfall (ms)');
    expect(page).toContain('Anmeldedaten (Authorization): 3, Cookies (Cookie): 2');
    expect(page).toContain('@media print');
  });

  it('renders in English on request', () => {
    const en = render('en');
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain('<h2 id="verdict-title">Problem found</h2>');
    expect(en).toContain('Individual checks');
  });
});
