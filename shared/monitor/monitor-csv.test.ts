import { describe, expect, it } from 'vitest';
import { csvField, eventCsvLine, localIsoTime, MONITOR_CSV_HEADER, sampleCsvLine } from './monitor-csv';

const AT = Date.UTC(2026, 10, 22, 9, 31, 2, 123);

describe('the monitor CSV', () => {
  it('has a header without digits (how the bundle tells it from data) and one line per sample', () => {
    expect(MONITOR_CSV_HEADER).not.toMatch(/\d/);
    const line = sampleCsvLine({
      seq: 7,
      atMs: AT,
      result: 'challenge',
      address: '10.0.0.2',
      status: 401,
      methods: ['Negotiate', 'NTLM'],
      timings: { connectMs: 3.2, tlsMs: 8.1, ttfbMs: 11, totalMs: 23.4 },
      connection: 'new',
      certificate: { trusted: false, error: 'CERT_HAS_EXPIRED' },
    });
    expect(line).toBe(`${localIsoTime(AT)},7,sample,challenge,10.0.0.2,401,Negotiate NTLM,,3.2,8.1,11,23.4,new,CERT_HAS_EXPIRED,,\r\n`);
    expect(line.split(',')).toHaveLength(MONITOR_CSV_HEADER.split(',').length);
  });

  it('writes failures with their kind and message, quoted as needed', () => {
    const line = sampleCsvLine({ seq: 8, atMs: AT, result: 'error', address: '10.0.0.2', error: { kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT', message: 'no answer, "really"' } });
    expect(line.endsWith(',timeout,"UND_ERR_HEADERS_TIMEOUT: no answer, ""really"""\r\n')).toBe(true);
    expect(sampleCsvLine({ seq: 9, atMs: AT, result: 'missed', missed: 'busy' })).toContain(',9,sample,missed,,,,,,,,,,,busy,');
  });

  it('writes timeline events in the same columns', () => {
    expect(eventCsvLine({ type: 'network', atMs: AT, changes: [{ name: 'tun0', change: 'added', added: ['10.8.0.2'], removed: [], vpn: true }, { name: 'WLAN', change: 'removed', added: [], removed: ['192.168.1.5'], vpn: false }] })).toBe(
      `${localIsoTime(AT)},,network,changed,,,,,,,,,,,,tun0 (VPN): added +10.8.0.2; WLAN: removed -192.168.1.5\r\n`,
    );
    expect(eventCsvLine({ type: 'marker', atMs: AT, number: 2, note: 'Outlook zeigt Getrennt' })).toContain(',marker,marker 2,');
    expect(eventCsvLine({ type: 'gap', atMs: AT, cause: 'sleep', detectedBy: 'clock-jump', fromMs: AT - 3_601_000, toMs: AT, gapMs: 3_600_000 })).toContain(',gap,sleep,');
  });

  it('defuses spreadsheet formulas and keeps one line per record', () => {
    expect(csvField('=cmd|calc!A1')).toBe("'=cmd|calc!A1");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('two\r\nlines')).toBe('two lines');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('gives local times with their offset that parse back to the same moment', () => {
    const text = localIsoTime(AT);
    expect(text).toMatch(/^2026-11-22T\d\d:\d\d:02\.123[+-]\d\d:\d\d$/);
    expect(Date.parse(text)).toBe(AT);
  });
});
