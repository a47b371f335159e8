import { describe, expect, it } from 'vitest';
import type { DiagnosisEvent } from '../../../shared/ipc/api';
import { lineLog } from '../log/engine-log';
import { createDiagnosisHost } from './diagnosis-host';

/** Every run here stays on loopback: a dead loopback port for DNS and the connectivity check. */
const base = { dnsServers: ['127.0.0.1:9'], connectivityUrl: 'http://127.0.0.1:9/connecttest.txt', noProxy: true, timeoutSeconds: 5 };

describe('what a host logs', () => {
  it('a run’s start and its end with verdict, duration and findings; refused starts with the reason; never the mailbox', async () => {
    const lines: string[] = [];
    let finished: (e: DiagnosisEvent) => void = () => undefined;
    const done = new Promise<DiagnosisEvent>((resolve) => (finished = resolve));
    const host = createDiagnosisHost({
      base,
      log: lineLog((l) => lines.push(l), 'debug'),
      emit: (event) => {
        if (event.type !== 'progress') finished(event);
      },
    });
    await expect(host.start({ runId: 'run-log-0001', email: 'anna.muster@contoso,de', lang: 'de' })).resolves.toMatchObject({ ok: false });
    await expect(host.start({ runId: 'run-log-0002', email: 'anna.muster@contoso.test', server: '127.0.0.1:9', lang: 'de' })).resolves.toEqual({ ok: true });
    const last = await done;
    expect(last.type).toBe('finished');
    if (last.type !== 'finished') return;

    expect(lines[0]).toBe('[warn] run refused problem=host-invalid field=email\n');
    expect(lines[1]).toMatch(/^\[info\] run start server=127\.0\.0\.1:9 serverSource=option mailDomain=contoso\.test dnsServers=127\.0\.0\.1:9 proxy=none credentialTest=false timeoutMs=5000\n$/);
    const end = lines.find((l) => l.startsWith('[info] run end'));
    expect(end).toContain(`verdict=${last.report.verdict} durationMs=${last.report.durationMs} findings=${last.report.findings.map((f) => f.id).join(',') || '-'}`);
    expect(end).toMatch(/ probes=\d+ failed=\d+ timedOut=\d+ endedEarly=null\n$/);
    expect(lines.join('')).not.toContain('anna.muster');
    // Not every probe: a handful of lines per run, not one per probe.
    expect(lines).toHaveLength(3);
  });
});
