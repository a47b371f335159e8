import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectorFixturePath } from '../../../e2e/fixtures/collectors';
import { samplePath } from '../../../e2e/fixtures/samples';
import type { RunInput } from '../../../shared/model/run-input';
import { createRunServices } from '../create-run-services';
import type { RunArtifact } from '../run-services';
import { runProbes } from '../runner';
import { collectorProbe, defineCollector, runCollector, type AnyCollectorDefinition } from './collector';
import { COLLECTORS } from './index';
import type { CommandSource } from './run-command';

/**
 * A stand-in for a system command: Node prints a recorded output (stdout, stderr) and exits with
 * the recorded code, so every collector's plumbing runs for real on any platform.
 */
const STAND_IN = [
  "const fs = require('fs');",
  "const [out, code, err] = process.argv.slice(1);",
  "if (out) process.stdout.write(fs.readFileSync(out));",
  "if (err) process.stderr.write(fs.readFileSync(err));",
  'process.exitCode = Number(code);',
].join(' ');

type Recorded = { file: string | null; exitCode: number; stderr?: string };
const sample = (f: string, exitCode = 0): Recorded => ({ file: samplePath(`windows-cmd/${f}`), exitCode });
const fix = (f: string, exitCode = 0, stderr?: string): Recorded => ({ file: collectorFixturePath(f), exitCode, ...(stderr ? { stderr: collectorFixturePath(stderr) } : {}) });
const regMissing: Recorded = { file: null, exitCode: 1, stderr: collectorFixturePath('windows/reg-not-found-de.stderr.txt') };

/** What each collector's commands printed, in command order. */
const RECORDED: Record<string, Recorded[]> = {
  'collector.ipconfig-all': [sample('ipconfig-all-de-windows11-home.txt')],
  'collector.dns-cache': [sample('ipconfig-displaydns-en-excerpt.txt')],
  'collector.route-print': [sample('route-print-en-windows-10-jc.txt')],
  'collector.winhttp-proxy': [sample('netsh-winhttp-show-proxy-en-proxy.txt')],
  'collector.wininet-proxy': [
    fix('windows/reg-internet-settings-user.txt'),
    fix('windows/reg-internet-settings-connections-user.txt'),
    regMissing,
    fix('windows/reg-internet-settings-machine.txt'),
    regMissing,
  ],
  'collector.klist': [sample('klist-en-3-tickets-lab.txt')],
  // Windows exits with the status (1355); POSIX exit codes stop at 255.
  'collector.nltest-dsgetdc': [fix('windows/nltest-dsgetdc-de-no-domain.txt', 1)],
  'collector.ad-scp': [fix('windows/ad-scp.json')],
  'collector.whoami-upn': [fix('windows/whoami-upn-en.txt')],
  'collector.net-adapters': [fix('windows/get-netadapter.json')],
  'collector.w32tm-status': [fix('windows/w32tm-status-de-domain.txt')],
  'collector.outlook-install': [fix('windows/reg-office-clicktorun.txt'), regMissing],
  'collector.outlook-account': [fix('windows/reg-outlook-default-profile.txt'), fix('windows/reg-outlook-profiles.txt')],
  'collector.outlook-settings': [
    fix('windows/reg-autodiscover-policy.txt'),
    fix('windows/reg-autodiscover.txt'),
    regMissing,
    fix('windows/reg-exchange.txt'),
    regMissing,
    fix('windows/reg-rpc.txt'),
  ],
  'collector.internet-zones': [
    fix('windows/reg-zonemap-domains-user.txt'),
    regMissing,
    regMissing,
    fix('windows/reg-zonemapkey-machine-policy.txt'),
    fix('windows/reg-zones-logon-user.txt'),
    regMissing,
    fix('windows/reg-zones-logon-machine-policy.txt'),
  ],
  'collector.ip-addr': [fix('linux/ip-j-addr-host.json')],
  'collector.ip-route': [fix('linux/ip-j-4-route-host.json'), fix('linux/ip-j-6-route-host.json')],
  'collector.resolvectl': [fix('linux/resolvectl-status.txt')],
  'collector.resolv-conf': [fix('linux/resolv-conf-this-machine.txt')],
  'collector.scutil-dns': [fix('macos/scutil-dns.txt')],
  'collector.scutil-proxy': [fix('macos/scutil-proxy.txt')],
  'collector.netstat-routes': [fix('macos/netstat-rn.txt')],
};

function standIn(recorded: Recorded): CommandSource {
  return { kind: 'program', program: [process.execPath], args: ['-e', STAND_IN, recorded.file ?? '', String(recorded.exitCode), recorded.stderr ?? ''] };
}

async function runWithStandIns(definition: AnyCollectorDefinition) {
  const artifacts: RunArtifact[] = [];
  const id: string = definition.id as string;
  const recorded = RECORDED[id]!;
  const outcome = await runCollector(definition, {
    signal: AbortSignal.timeout(15_000),
    addArtifact: (a) => artifacts.push(a),
    platform: definition.platforms[0],
    resolveSource: (_command, index) => standIn(recorded[index]!),
  });
  return { outcome, artifacts, recorded };
}

describe('every collector', () => {
  it('has recorded outputs for each of its commands in this test', () => {
    const ids: string[] = COLLECTORS.map((c) => c.id as string);
    ids.forEach((id, i) => expect(RECORDED[id]?.length, id).toBe(COLLECTORS[i]!.commands.length));
    expect(new Set(ids).size).toBe(COLLECTORS.length);
    const paths = COLLECTORS.flatMap((c) => c.commands.map((k) => k.artifact));
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p).toMatch(/^system\/[a-z0-9.-]+\.(txt|json)$/);
  });

  it.each(COLLECTORS.map((c) => [c.id as string, c] as const))('%s: raw output, exit code and timing reach the artifacts; parsed data the evidence', async (_id, definition) => {
    const { outcome, artifacts, recorded } = await runWithStandIns(definition);
    expect(outcome.status, outcome.summary).toBe('ok');
    expect(outcome.data.parsed).not.toBeNull();
    expect(artifacts.map((a) => a.path)).toEqual(definition.commands.map((c) => c.artifact));
    artifacts.forEach((artifact, i) => {
      const r = recorded[i]!;
      expect(artifact.exitCode).toBe(r.exitCode);
      expect(artifact.outcome).toBe('ok');
      expect(artifact.commandLine).toContain(process.execPath.split(/[\\/]/).pop()!);
      expect(artifact.durationMs).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(artifact.startedAt))).toBe(false);
      // The raw output itself, byte for byte as text (line ends kept), for the bundle.
      expect(artifact.text).toBe(r.file ? readFileSync(r.file, 'utf8') : '');
      if (r.stderr) expect(artifact.stderr).toBe(readFileSync(r.stderr, 'utf8'));
      expect(outcome.data.commands[i]).toMatchObject({ artifact: artifact.path, exitCode: r.exitCode, durationMs: artifact.durationMs, commandLine: artifact.commandLine });
    });
    expect(JSON.stringify(outcome.data)).not.toContain('Windows IP Configuration');
  });
});

describe('every collector on output it does not expect', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'od-garbage-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const garbage = [
    'Der Befehl ist entweder falsch geschrieben oder\r\nkonnte nicht gefunden werden.\r\n',
    `${'\u0000\u00ff:'.repeat(5000)}\n${' . . : '.repeat(20_000)}\n[{"dst": 1}, {}]\n`,
    `${'Ethernet adapter '.repeat(2000)}\n    x    REG_DWORD    0xZZ\n#0>  Server:\n{"adapters": 5}`,
  ];
  it.each(COLLECTORS.map((c) => [c.id as string, c] as const))('%s: a clear result, never a throw or a hang', async (_id, definition) => {
    for (const [n, text] of garbage.entries()) {
      const file = path.join(tmp, `garbage-${n}.txt`);
      writeFileSync(file, text);
      const t0 = performance.now();
      const outcome = await runCollector(definition, {
        signal: AbortSignal.timeout(15_000),
        addArtifact: () => {},
        platform: definition.platforms[0],
        resolveSource: () => standIn({ file, exitCode: 0 }),
      });
      expect(['ok', 'fail']).toContain(outcome.status);
      expect(outcome.data.commands.every((c) => c.outcome === 'ok')).toBe(true);
      expect(outcome.summary.length).toBeGreaterThan(0);
      expect(performance.now() - t0).toBeLessThan(5_000);
    }
  });
});

const input: RunInput = {
  server: { host: 'mail.example.test', port: 443 },
  dnsServers: [],
  connectivityUrl: 'http://127.0.0.1:9/',
  connectivityExpect: 'x',
  proxy: { mode: 'none' },
  timeoutMs: 5000,
};

describe('runCollector', () => {
  it('records a command that does not exist as "not available on this system", never as a crash', async () => {
    const missing = defineCollector({
      id: 'collector.klist',
      title: 'missing',
      platforms: [process.platform],
      timeoutMs: 2000,
      commands: [{ artifact: 'system/missing.txt', source: { kind: 'program', program: ['outlook-doktor-no-such-command-7f3a'], args: ['/all'] }, encoding: 'console', maxOutputBytes: 1024 }],
      parse: () => {
        throw new Error('must not be called without output');
      },
      summarize: () => 'x',
    });
    const services = createRunServices(input, { extraCa: [] });
    const results = await runProbes({ definitions: [collectorProbe(missing)], input, services, deadlineMs: 5000 });
    await services.close();
    expect(results).toHaveLength(1);
    const result = results[0]!;
    expect(result).toMatchObject({ status: 'fail', kind: 'collector', id: 'collector.klist:this-computer' });
    expect(result.summary).toMatch(/^not available on this system: outlook-doktor-no-such-command-7f3a not found/);
    expect(result.data).toMatchObject({ parsed: null, commands: [{ outcome: 'not-available', exitCode: null, commandLine: 'outlook-doktor-no-such-command-7f3a /all' }] });
    expect(services.artifacts()).toMatchObject([{ path: 'system/missing.txt', outcome: 'not-available', exitCode: null, text: '' }]);
  });

  it('records a non-zero exit with unusable output as failed, with its exit code and standard error', async () => {
    const def = COLLECTORS.find((c) => c.id === 'collector.ip-addr')!;
    const artifacts: RunArtifact[] = [];
    const outcome = await runCollector(def, {
      signal: AbortSignal.timeout(10_000),
      addArtifact: (a) => artifacts.push(a),
      resolveSource: () => ({ kind: 'program', program: [process.execPath], args: ['-e', "process.stderr.write('Option \"-j\" is unknown'); process.exitCode = 255"] }),
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('exit code 255');
    expect(artifacts[0]).toMatchObject({ exitCode: 255, outcome: 'ok', stderr: 'Option "-j" is unknown' });
  });

  it('stops a command at the collector timeout and keeps what it printed', async () => {
    const slow = defineCollector({
      id: 'collector.whoami-upn',
      title: 'slow',
      platforms: [process.platform],
      timeoutMs: 300,
      commands: [
        {
          artifact: 'system/slow.txt',
          source: { kind: 'program', program: [process.execPath], args: ['-e', "process.stdout.write('partial'); setTimeout(() => {}, 60000)"] },
          encoding: 'utf8',
          maxOutputBytes: 1024,
        },
      ],
      parse: () => null,
      summarize: () => 'x',
    });
    const services = createRunServices(input, { extraCa: [] });
    const t0 = performance.now();
    const [result] = await runProbes({ definitions: [collectorProbe(slow)], input, services, deadlineMs: 10_000 });
    const elapsed = performance.now() - t0;
    await services.close();
    expect(result!.status).toBe('timeout');
    expect(elapsed).toBeLessThan(5000);
    expect(services.artifacts()[0]).toMatchObject({ path: 'system/slow.txt', outcome: 'timeout', exitCode: null });
    expect(services.artifacts()[0]!.text === '' || services.artifacts()[0]!.text === 'partial').toBe(true);
  });

  it('cuts output at the cap and stops the process', async () => {
    const artifacts: RunArtifact[] = [];
    const chatty = defineCollector({
      id: 'collector.resolv-conf',
      title: 'chatty',
      platforms: [process.platform],
      timeoutMs: 10_000,
      commands: [
        {
          artifact: 'system/chatty.txt',
          source: { kind: 'program', program: [process.execPath], args: ['-e', "const b = Buffer.alloc(65536, 'x'); const w = () => { while (process.stdout.write(b)); process.stdout.once('drain', w); }; w();"] },
          encoding: 'utf8',
          maxOutputBytes: 100_000,
        },
      ],
      parse: ([o]) => ({ source: 'resolv.conf' as const, scopes: [{ scope: String(o!.text.length), interface: null, servers: [], searchDomains: [], routingDomains: [] }] }),
      summarize: () => 'chatty',
    });
    const t0 = performance.now();
    const outcome = await runCollector(chatty, { signal: AbortSignal.timeout(10_000), addArtifact: (a) => artifacts.push(a) });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(outcome.status).toBe('ok');
    expect(outcome.summary).toContain('cut at its size limit');
    expect(artifacts[0]).toMatchObject({ truncated: true });
    expect(artifacts[0]!.text.length).toBe(100_000);
  });
});
