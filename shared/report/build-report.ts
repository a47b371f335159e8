import type { Diagnosis } from '../diagnosis/diagnose';
import { translator, type Lang } from '../i18n';
import type { Evidence } from '../model/evidence';
import { REPORT_SCHEMA_VERSION, type Report } from './report-schema';

export interface ToolInfo {
  version: string;
  commit?: string;
  buildDate?: string;
  platform?: string;
}

export interface ReportMeta {
  tool: ToolInfo;
  finishedAt: string;
  lang: Lang;
}

/** Joins the steps of a text part into one string, one step per line. */
export function joinSteps(steps: readonly string[]): string {
  return steps.join('\n');
}

/** Builds the schemaVersion 1 report from a run's evidence and its diagnosis. */
export function buildReport(evidence: Evidence, diagnosis: Diagnosis, meta: ReportMeta): Report {
  const tr = translator(meta.lang);
  const { input } = evidence;
  const started = Date.parse(evidence.startedAt);
  const finished = Date.parse(meta.finishedAt);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'outlook-doktor', ...meta.tool },
    startedAt: evidence.startedAt,
    finishedAt: meta.finishedAt,
    durationMs: Math.max(0, finished - started),
    input: {
      ...(input.email ? { email: input.email } : {}),
      ...(input.server ? { server: input.server.port === 443 ? input.server.host : `${input.server.host}:${input.server.port}` } : {}),
      ...(input.dnsServers.length ? { dnsServers: [...input.dnsServers] } : {}),
      connectivityUrl: input.connectivityUrl,
      proxy: input.proxy.mode === 'url' ? input.proxy.url : input.proxy.mode,
      ...(input.user ? { user: input.user } : {}),
      timeoutSeconds: input.timeoutMs / 1000,
      lang: meta.lang,
    },
    verdict: diagnosis.verdict,
    findings: diagnosis.findings.map((f) => {
      const texts = tr.finding(f.id, f.args);
      return {
        id: f.id,
        severity: f.severity,
        section: f.section,
        title: texts.title,
        detail: texts.detail,
        userAction: joinSteps(texts.user),
        adminAction: joinSteps(texts.admin),
        evidence: f.evidence,
        ...(Object.keys(f.args).length ? { args: f.args } : {}),
        ...(f.severity !== f.defaultSeverity ? { defaultSeverity: f.defaultSeverity } : {}),
      };
    }),
    sections: diagnosis.sections.map((s) => ({ id: s.id, status: s.status, findings: [...s.findings] })),
    probes: evidence.probes.map((p) => ({
      id: p.id,
      probe: p.probe,
      kind: p.kind,
      target: p.target,
      status: p.status,
      startedAt: p.startedAt,
      durationMs: p.durationMs,
      summary: p.summary,
      ...(p.after ? { after: [...p.after] } : {}),
      ...(p.data ? { data: p.data as unknown as Record<string, unknown> } : {}),
    })),
    ...(diagnosis.ruleErrors.length
      ? { internalErrors: diagnosis.ruleErrors.map((e) => ({ source: 'rule' as const, id: e.id, section: e.section, message: e.message })) }
      : {}),
  };
}
