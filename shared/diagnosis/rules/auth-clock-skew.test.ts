import { describe, expect, it } from 'vitest';
import { readCollectorFixture } from '../../../e2e/fixtures/collectors';
import { parseW32tmStatus } from '../../../electron/engine/collectors/w32tm-status';
import { translator } from '../../i18n';
import { collected } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { connectivity, evidenceOf, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authClockSkewRule, MAX_CLOCK_SKEW_MS } from './auth-clock-skew';
import { portalDetectedRule } from './portal-detected';

describe('auth.clock-skew', () => {
  it.each(RAISING['auth.clock-skew'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(authClockSkewRule, evidence).severity).toBe(severity);
  });

  it('says by how much and shows both times', () => {
    expect(hitOf(authClockSkewRule, RAISING['auth.clock-skew'][0]!.evidence).args).toEqual({
      host: 'mail.contoso.com',
      minutes: 12,
      serverTime: '2026-03-02T09:12:00.000Z',
      localTime: '2026-03-02T09:00:00.000Z',
    });
  });

  it('the threshold is Kerberos\' default of 5 minutes', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(300_000);
    expect(authClockSkewRule.evaluate(evidenceOf([http('mapi', { clockSkewMs: 4 * 60_000 + 59_000 })]))).toBeNull();
    expect(authClockSkewRule.evaluate(evidenceOf([http('mapi', { clockSkewMs: -(5 * 60_000 + 2_000) })]))).not.toBeNull();
  });

  it('one odd answer does not decide: the median per host does', () => {
    const answers = healthyExchange();
    answers[0] = http('autodiscover', { clockSkewMs: 3_600_000 });
    expect(authClockSkewRule.evaluate(evidenceOf(answers))).toBeNull();
  });

  it('not raised for a healthy clock', () => {
    expect(authClockSkewRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
  });

  it('a portal explains it (its clock is not Exchange\'s)', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['auth.clock-skew'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, authClockSkewRule)).toEqual(['portal.detected']);
  });
});

/** `w32tm /query /status` as recorded (exit code as w32tm ends with it: 0x80070426 when the service is stopped). */
function w32tm(fixture: string, exitCode = 0) {
  return collected('collector.w32tm-status', parseW32tmStatus(readCollectorFixture(`windows/${fixture}`), exitCode), 'w32tm /query /status');
}

const STOPPED_EXIT_CODE = -2147023834;

describe('auth.clock-skew with the Windows time service\'s state (w32tm /query /status)', () => {
  const skewed = RAISING['auth.clock-skew'][0]!.evidence;
  const withW32tm = (...collectors: ReturnType<typeof w32tm>[]) => ({ ...skewed, probes: [...skewed.probes, ...collectors] });

  it('names the PC\'s own clock as the source when w32tm is not synchronised (German capture)', () => {
    const time = w32tm('w32tm-status-de-local-cmos.txt');
    const hit = evaluateChecked(authClockSkewRule, withW32tm(time))!;
    expect(hit.args).toMatchObject({ note: 'time-local-clock', timeSource: 'Local CMOS Clock' });
    expect(hit.evidence).toContain(time.id);
    expect(translator('de').finding('auth.clock-skew', hit.args).detail).toContain('Seine Quelle ist „Local CMOS Clock“, also nur die eingebaute Uhr dieses Computers.');
    expect(translator('en').finding('auth.clock-skew', hit.args).detail).toContain('its source is "Local CMOS Clock"');
  });

  it('says the time service is stopped', () => {
    const hit = evaluateChecked(authClockSkewRule, withW32tm(w32tm('w32tm-status-en-service-stopped.txt', STOPPED_EXIT_CODE)))!;
    expect(hit.args).toMatchObject({ note: 'time-service-stopped' });
    expect(hit.args).not.toHaveProperty('timeSource');
    expect(translator('de').finding('auth.clock-skew', hit.args).detail).toContain('Der Windows-Zeitdienst läuft auf diesem Computer nicht');
  });

  it('a synchronised clock points at the time source or the server (English and German captures)', () => {
    for (const fixture of ['w32tm-status-en-domain.txt', 'w32tm-status-de-domain.txt']) {
      const hit = evaluateChecked(authClockSkewRule, withW32tm(w32tm(fixture)))!;
      expect(hit.args, fixture).toMatchObject({ note: 'time-synchronized', timeSource: 'DC01.contoso.com' });
      expect(translator('en').finding('auth.clock-skew', hit.args).detail).toContain('sets the clock from DC01.contoso.com');
    }
  });

  it('keeps the lowered sentence beside the note', () => {
    const basicOnly = RAISING['auth.clock-skew'][1]!.evidence;
    const hit = evaluateChecked(authClockSkewRule, { ...basicOnly, probes: [...basicOnly.probes, w32tm('w32tm-status-de-local-cmos.txt')] })!;
    expect(hit).toMatchObject({ severity: 'warning', args: { lowered: 'no-kerberos-offered', note: 'time-local-clock' } });
    const detail = translator('de').finding('auth.clock-skew', hit.args).detail;
    expect(detail).toContain('Local CMOS Clock');
    expect(detail).toContain('weder Kerberos noch die moderne Anmeldung');
  });

  it('w32tm alone raises nothing, and a failed w32tm adds no note', () => {
    expect(authClockSkewRule.evaluate(evidenceOf([...healthyExchange(), w32tm('w32tm-status-de-local-cmos.txt')]))).toBeNull();
    const failed = collected('collector.w32tm-status', null, 'w32tm /query /status');
    const hit = evaluateChecked(authClockSkewRule, withW32tm(failed))!;
    expect(hit.args).not.toHaveProperty('note');
    expect(hit.evidence).not.toContain(failed.id);
  });
});
