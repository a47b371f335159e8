import { beforeAll, describe, expect, it } from 'vitest';
import { expectFindings } from './expect-findings';
import { requireBuiltCli, type CliRun } from './run-cli';
import { addressesOf, HOST, startScenario } from './scenario-lab';

/**
 * A healthy company network: verdict ok, no warning and no problem. The offered sign-in methods
 * (`auth.methods`, information) are always reported; nothing else may appear.
 */

const at = (scenario: number) => addressesOf(40, scenario);

/** Port of the Autodiscover names, as Outlook uses it; binding it needs root (scripts/offline.sh runs as root). */
const HTTPS_PORT = 443;

function expectHealthy(run: CliRun): void {
  expectFindings(run, ['auth.methods']);
  const { report } = run;
  expect(report.sections.filter((s) => s.status === 'warning' || s.status === 'problem')).toEqual([]);
  // Every network probe got its answer: nothing waited for a timeout or the deadline. (Reading
  // the local system may be slow on a busy test machine; that is not the network's doing.)
  const network = report.probes.filter((p) => p.kind !== 'system' && p.kind !== 'collector');
  expect(network.filter((p) => p.status !== 'ok').map((p) => `${p.id}: ${p.status} ${p.summary}`)).toEqual([]);
  expect(run.stderr + run.stdout).not.toMatch(/Zeitlimit|deadline/i);
}

beforeAll(() => requireBuiltCli());

describe.concurrent('a healthy setup', () => {
  it('two load-balanced addresses, --server only: verdict ok', async () => {
    const a = at(1);
    const scenario = await startScenario({ exchange: { [a(2)]: {}, [a(3)]: {} } });
    try {
      const run = await scenario.diagnose(['--timeout', '5']);
      expectHealthy(run);
      expect(run.report.probes.filter((p) => p.probe === 'tcp').map((p) => p.target).sort()).toEqual([`${HOST} ${a(2)}:${scenario.port}`, `${HOST} ${a(3)}:${scenario.port}`]);
    } finally {
      await scenario.close();
    }
  });

  it('with a mailbox address: the Autodiscover names on port 443 answer like Exchange too', async (ctx) => {
    if (process.getuid?.() !== 0) {
      console.warn('skipped: binding port 443 on loopback needs root (run the tests through scripts/offline.sh as root)');
      ctx.skip();
    }
    const a = at(2);
    const addresses = [a(2), a(3)];
    const scenario = await startScenario({
      exchange: { [a(2)]: {}, [a(3)]: {} },
      port: HTTPS_PORT,
      zone: { 'contoso.test': addresses, 'autodiscover.contoso.test': addresses },
    });
    try {
      const run = await scenario.diagnose(['--email', 'anna.beispiel@contoso.test', '--timeout', '5']);
      expectHealthy(run);
      const asked = new Set(run.report.probes.filter((p) => p.probe === 'http' && p.status === 'ok').map((p) => p.target.split(' ')[1]?.split('/')[2]));
      expect([...asked].sort()).toEqual(['autodiscover.contoso.test', 'contoso.test', HOST]);
    } finally {
      await scenario.close();
    }
  });
});
