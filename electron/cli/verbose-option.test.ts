import { describe, expect, it } from 'vitest';
import { main } from './main';
import { cliIo } from './testing/cli-io';

function io(env: Record<string, string> = {}) {
  return cliIo({ env });
}

/** Loopback only: a refused port for the server, DNS and the connectivity check. */
const LOOPBACK = ['--server', '127.0.0.1:9', '--dns-server', '127.0.0.1:9', '--connectivity-url', 'http://127.0.0.1:9/connecttest.txt', '--no-proxy', '--timeout', '5'];

describe('diagnose --verbose', () => {
  it('logs the run’s start and end to standard error, never the password', async () => {
    const password = 'Geheim!Passwort-2026';
    const t = io({ OUTLOOK_DOKTOR_PASSWORD: password });
    const code = await main(['diagnose', ...LOOPBACK, '--user', 'anna', '--json', '-', '--verbose'], t.streams);
    expect([0, 1, 2]).toContain(code);
    const report = JSON.parse(t.out()) as { verdict: string; durationMs: number };
    const lines = t.err().split('\n').filter((l) => l.startsWith('['));
    expect(lines[0]).toMatch(/^\[info\] run start server=127\.0\.0\.1:9 .*credentialTest=true timeoutMs=5000$/);
    expect(lines.find((l) => l.startsWith('[info] run end'))).toContain(`verdict=${report.verdict} durationMs=${report.durationMs}`);
    expect(t.err()).not.toContain(password);
  });

  it('is quiet without the option', async () => {
    const t = io();
    await main(['diagnose', ...LOOPBACK, '--json', '-'], t.streams);
    expect(t.err()).not.toMatch(/^\[info\]/m);
  });
});
