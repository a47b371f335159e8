import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../e2e/fixtures/bundle-fixture';
import { textSummary } from './text-summary';

describe('textSummary', () => {
  it('ends with the build that wrote the report, naming only the parts the report has', () => {
    const report = sampleReport();
    const full = { ...report, tool: { name: 'outlook-doktor' as const, version: '1.2.3', commit: '0123456789ab', buildDate: '2026-03-01T10:00:00.000Z' } };
    expect(textSummary(full, { lang: 'de' }).split('\n').at(-1)).toBe('Outlook-Doktor 1.2.3 (0123456789ab, 2026-03-01T10:00:00.000Z)');
    expect(textSummary({ ...full, tool: { name: 'outlook-doktor', version: '1.2.3', buildDate: '2026-03-01T10:00:00.000Z' } }, { lang: 'en' }).split('\n').at(-1)).toBe(
      'Outlook-Doktor 1.2.3 (2026-03-01T10:00:00.000Z)',
    );
    // An older report carries only the version.
    expect(textSummary({ ...full, tool: { name: 'outlook-doktor', version: '1.2.3' } }, { lang: 'en' }).split('\n').at(-1)).toBe('Outlook-Doktor 1.2.3');
  });
});
