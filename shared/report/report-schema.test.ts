import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from './report-json-schema';
import { reportSchema } from './report-schema';

const shipped = JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(shipped);
}

const minimal = {
  schemaVersion: 1,
  tool: { name: 'outlook-doktor', version: '1.0.0' },
  startedAt: '2026-11-22T10:00:00.000Z',
  finishedAt: '2026-11-22T10:00:01.000Z',
  durationMs: 1000,
  input: { server: 'mail.contoso.test' },
  verdict: 'ok',
  findings: [],
  sections: ['physical', 'network-change', 'vpn', 'mtu', 'desktop-firewall', 'tls', 'ipv6', 'captive-portal', 'proxy', 'dns', 'load-balancer', 'autodiscover', 'auth', 'server'].map((id) => ({ id, status: 'not-checked', findings: [] })),
  probes: [],
};

describe('report schema', () => {
  it('ships a JSON Schema equal to the one generated from the zod schema (run npm run gen:schema)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  });

  it('accepts a minimal valid report in both validators', () => {
    expect(validator()(minimal)).toBe(true);
    expect(reportSchema.safeParse(minimal).success).toBe(true);
  });

  it.each([
    ['a wrong schemaVersion', { ...minimal, schemaVersion: 2 }],
    ['an unknown verdict', { ...minimal, verdict: 'fine' }],
    ['a missing section', { ...minimal, sections: minimal.sections.slice(1) }],
    ['an unknown section id', { ...minimal, sections: [...minimal.sections.slice(1), { id: 'x', status: 'ok', findings: [] }] }],
    ['a probe with an unknown status', { ...minimal, probes: [{ id: 'a', kind: 'tcp', target: 'x', status: 'maybe', startedAt: minimal.startedAt, durationMs: 1, summary: '' }] }],
    ['a date without time zone', { ...minimal, startedAt: '2026-11-22T10:00:00' }],
  ])('rejects %s in both validators', (_name, report) => {
    expect(validator()(report)).toBe(false);
    expect(reportSchema.safeParse(report).success).toBe(false);
  });
});
