import type { Translator } from '../i18n';
import type { AutodiscoverCandidate, AutodiscoverData } from '../model/probe-data';
import type { Report } from './report-schema';

/**
 * The Autodiscover walk as people read it, the way Outlook's "Test E-mail AutoConfiguration"
 * lists it: every candidate in Outlook's order with its URL, what DNS, TCP, TLS and HTTP gave,
 * whether Outlook used it or passed it over and why, and the winner.
 *
 * Shared by the text summary (command line, ticket text) and report.html. Reads a report's data
 * defensively (a field of the wrong type becomes "–"), since a report may come from elsewhere.
 */

export interface WalkStepView {
  /** 1-based, in Outlook's order. */
  number: number;
  /** How Outlook found the URL ("Stammdomäne", "Weiterleitung von Nr. 3"). */
  method: string;
  url: string;
  decision: AutodiscoverCandidate['decision'];
  /** The decision in words, with its reason where there is one. */
  decisionText: string;
  /** DNS, TCP, TLS and HTTP in a few words each; absent where that step was not taken. */
  steps: { label: string; text: string }[];
  winner: boolean;
}

export interface WalkView {
  title: string;
  steps: WalkStepView[];
  /** The outcome in one sentence: the winner and how many were asked, or that none answered. */
  result: string;
  /** The credential test's state, when one was asked for. */
  credentialTest?: string;
  /** The protocols of the winner's settings (credential test only). */
  protocols?: string;
}

/** The walk's data in a report, when the walk ran. */
export function autodiscoverOf(report: Pick<Report, 'probes'>): AutodiscoverData | undefined {
  const data = report.probes.find((p) => (p.probe ?? p.id.split(':')[0]) === 'autodiscover' && p.data)?.data as AutodiscoverData | undefined;
  return data && Array.isArray(data.candidates) ? data : undefined;
}

export function autodiscoverWalkView(data: AutodiscoverData, tr: Translator): WalkView {
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`walk/${key}`, args);
  const candidates = data.candidates.filter((c): c is AutodiscoverCandidate => !!c && typeof c === 'object');
  const steps = candidates.map((c, i): WalkStepView => {
    const winner = data.winner === i;
    const from = typeof c.redirectedFrom === 'number' ? c.redirectedFrom + 1 : undefined;
    const method = from !== undefined ? t('redirectedFrom', { from }) : t(`method/${String(c.method)}`, { defaultValue: String(c.method) });
    const state = t(`state/${String(c.decision)}`, { defaultValue: String(c.decision) });
    const reason = typeof c.reason === 'string' && c.reason ? reasonText(c.reason, tr) : undefined;
    return {
      number: i + 1,
      method,
      // A placeholder such as `file:` (no local XML configured) is no address worth showing.
      url: typeof c.url === 'string' && !/^[a-z]+:$/i.test(c.url) ? c.url : '',
      decision: c.decision,
      decisionText: `${state}${reason ? `: ${reason}` : ''}${winner ? ` – ${t('winner')}` : ''}`,
      steps: c.decision === 'skipped' || c.decision === 'not-reached' ? [] : stepTexts(c, tr),
      winner,
    };
  });
  const tried = candidates.filter((c) => c.decision !== 'skipped' && c.decision !== 'not-reached').length;
  const won = data.winner !== undefined ? steps[data.winner] : undefined;
  const view: WalkView = {
    title: t('title', { domain: data.domain }),
    steps,
    result: won ? t('result', { url: won.url, method: won.method, tried }) : t('noWinner', { tried }),
  };
  if (data.credentialTest && data.credentialTest !== 'not-requested') {
    view.credentialTest = t('credentialTest', { state: t(`credential/${data.credentialTest}`, { defaultValue: data.credentialTest }) });
  }
  if (Array.isArray(data.protocols) && data.protocols.length) view.protocols = t('protocols', { protocols: data.protocols.map((p) => p?.type).filter(Boolean).join(', ') });
  return view;
}

/** A decision's reason code (`registry:ExcludeSrvRecord`, `pox-error:600`, `v2-error:ProtocolNotSupported`, `cert-name`, …) in words; an unknown code as it is. */
export function reasonText(reason: string, tr: Translator): string {
  const [code = '', detail] = reason.split(/:(.*)/s);
  if (code === 'registry') return tr.t('walk/reason/registry', { name: `${detail ?? ''}=1` });
  if (code === 'pox-error') return tr.t('walk/reason/pox-error', { code: detail ?? '?' });
  if (code === 'v2-error') return tr.t('walk/reason/v2-error', { code: detail ?? '?' });
  return tr.t(`walk/reason/${reason}`, { defaultValue: reason });
}

function stepTexts(c: AutodiscoverCandidate, tr: Translator): { label: string; text: string }[] {
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`walk/${key}`, args);
  const kind = (k: unknown) => tr.t(`monitor/kind/${String(k)}`, { defaultValue: String(k) });
  const out: { label: string; text: string }[] = [];
  if (c.method === 'local-xml') {
    out.push({ label: t('step/http'), text: c.http?.error ? String(c.http.error.message) : t('step/local') });
    return out;
  }
  if (c.dns) {
    const addresses = Array.isArray(c.dns.addresses) ? c.dns.addresses.join(', ') : '';
    out.push({ label: t('step/dns'), text: c.dns.error ? String(c.dns.error.kind) : addresses || '–' });
  }
  if (c.tcp) {
    const ms = typeof c.tcp.connectMs === 'number' ? Math.round(c.tcp.connectMs) : '?';
    out.push({ label: t('step/tcp'), text: c.tcp.error ? `${String(c.tcp.address)}: ${kind(c.tcp.error.kind)}` : `${String(c.tcp.address)} ${t('step/connected', { ms })}` });
  }
  if (c.tls) {
    const parts = c.tls.error
      ? [kind(c.tls.error.kind)]
      : [c.tls.protocol, c.tls.nameMatches === false ? t('step/nameMismatch') : null, c.tls.trusted === false ? t('step/untrusted') : null].filter(Boolean);
    if (!c.tls.error && c.tls.nameMatches !== false && c.tls.trusted !== false) parts.push(t('step/certOk'));
    out.push({ label: t('step/tls'), text: parts.join(', ') });
  }
  if (c.http) {
    let text: string;
    if (c.http.error) text = `${String(c.http.method)}: ${kind(c.http.error.kind)}`;
    else {
      const challenges = Array.isArray(c.http.challenges) ? [...new Set(c.http.challenges.map((x) => x?.scheme).filter(Boolean))] : [];
      const type = c.http.body?.contentType?.split(';')[0]?.trim();
      const to = c.redirectTo ?? c.http.location;
      text = [
        `${String(c.http.method)} ${c.http.status ?? '?'}`,
        challenges.length ? `(${challenges.join(', ')})` : type && !to ? type : null,
        to ? `→ ${to}` : null,
        c.errorCode ? `ErrorCode ${c.errorCode}` : null,
      ]
        .filter(Boolean)
        .join(' ');
    }
    out.push({ label: t('step/http'), text });
  }
  if (Array.isArray(c.credentialAttempts) && c.credentialAttempts.length) {
    const attempts = c.credentialAttempts.filter((a) => !!a && typeof a === 'object');
    const text = attempts
      .map((a) => `${String(a.method).toUpperCase()} ${a.status ?? (a.error ? kind(a.error.kind) : '?')}${a.rejected ? ` (${t('step/rejected')})` : ''}`)
      .join(', ');
    if (text) out.push({ label: t('step/signIn'), text });
  }
  return out;
}
