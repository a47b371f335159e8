import { describe, expect, it } from 'vitest';
import { translator } from '.';
import { findingTextProblems, placeholdersOf } from './finding-text-check';
import { selectedNotes } from './finding-texts';
import { findingsDe } from './findings';

describe('finding notes and placeholders', () => {
  it('selects notes from `note` (comma-separated) and then `lowered`', () => {
    expect(selectedNotes({ note: 'refused, cached', lowered: 'autodiscover-only' })).toEqual(['refused', 'cached', 'autodiscover-only']);
    expect(selectedNotes({ host: 'x' })).toEqual([]);
  });

  it('appends the selected notes to the detail, filled in, in both languages', () => {
    const args = { host: 'mail.contoso.com', servers: '10.0.0.53', note: 'cached,network' };
    const de = translator('de').finding('dns.timeout', args);
    expect(de.detail).toContain('(10.0.0.53)');
    expect(de.detail).toMatch(/Zwischenspeicher.*gar nicht erreichbar\.$/);
    const en = translator('en').finding('dns.timeout', args);
    expect(en.detail).toMatch(/cache.*could not be reached at all\.$/);
    expect(en.admin.join('\n')).toContain('Resolve-DnsName mail.contoso.com');
  });

  it('formats numbers with the language\'s separators', () => {
    const args = { host: 'h', address: 'a', largeBytes: 64000, receivedBytes: 1200, note: 'upstream' };
    expect(translator('de').finding('mtu.blackhole-suspected', args).detail).toContain('(64.000 Bytes)');
    expect(translator('en').finding('mtu.blackhole-suspected', args).detail).toContain('(64,000 bytes)');
  });

  it('formats date args as local dates', () => {
    const validTo = Date.UTC(2026, 2, 14, 12);
    expect(translator('de').finding('tls.cert-expiring', { host: 'h', validTo }).detail).toContain('14.3.2026');
    expect(translator('en').finding('tls.cert-expiring', { host: 'h', validTo }).detail).toContain('3/14/2026');
  });

  it('finds unfilled placeholders, unknown notes and non-numeric dates', () => {
    expect(placeholdersOf('a {{host}} b {{validTo, datetime}}')).toEqual([{ name: 'host' }, { name: 'validTo', format: 'datetime' }]);
    expect(findingTextProblems(findingsDe, 'dns.timeout', { host: 'h' })).toEqual([expect.stringContaining('{{servers}}')]);
    expect(findingTextProblems(findingsDe, 'dns.timeout', { host: 'h', servers: 's', note: 'nope' })).toEqual([expect.stringContaining('"nope"')]);
    expect(findingTextProblems(findingsDe, 'tls.cert-expiring', { host: 'h', validTo: '2026-03-14', days: 1 })).toEqual([expect.stringContaining('epoch ms')]);
    expect(findingTextProblems({}, 'auth.methods', {})).toEqual(['auth.methods: no texts']);
  });

  it('a lowered severity may be explained by the entry\'s single `lowered` sentence, beside notes', () => {
    const table = { 'auth.clock-skew': { title: 't', detail: 'd', user: ['u'], admin: ['a'], notes: { n: 'N {{x}}' }, lowered: 'L {{y}}' } };
    expect(findingTextProblems(table, 'auth.clock-skew', { note: 'n', x: 1, lowered: 'why', y: 2 })).toEqual([]);
    expect(findingTextProblems(table, 'auth.clock-skew', { note: 'n', x: 1, lowered: 'why' })).toEqual([expect.stringContaining('{{y}}')]);
    expect(findingTextProblems({ 'auth.clock-skew': { ...table['auth.clock-skew'], lowered: undefined } }, 'auth.clock-skew', { lowered: 'why' })).toEqual([
      expect.stringContaining('"why"'),
    ]);
  });
});
