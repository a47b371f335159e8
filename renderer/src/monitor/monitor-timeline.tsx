import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { isFailure, type MonitorSample } from '../../../shared/monitor/monitor-types';
import { TIMELINE_ROW_LENGTH, type PlacedEvent, type TimelineRow } from '../store/monitor-actions';

const CELL = '10px';
const GAP = '2px';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  explain: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  rows: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '3px' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  time: { ...typographyStyles.caption1, fontVariantNumeric: 'tabular-nums', minWidth: '5.5em', color: tokens.colorNeutralForeground2 },
  cells: { display: 'grid', gridTemplateColumns: `repeat(${TIMELINE_ROW_LENGTH}, ${CELL})`, gap: GAP, paddingTop: '4px' },
  cell: { width: CELL, height: CELL, borderRadius: '2px', position: 'relative', boxSizing: 'border-box' },
  pending: { border: `1px dashed ${tokens.colorNeutralStroke2}` },
  challenge: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  // Red and a lighter inner square: the shape differs too, not only the colour.
  failed: { backgroundColor: tokens.colorPaletteRedBackground3, boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorderActive}` },
  missed: { backgroundColor: tokens.colorNeutralBackground5, border: `1px solid ${tokens.colorNeutralStroke1}` },
  // An event: a bar above the box; the user's own markers stand out.
  event: { '::before': { content: '""', position: 'absolute', left: '-1px', right: '-1px', top: '-5px', height: '3px', borderRadius: '1px', backgroundColor: tokens.colorBrandBackground } },
  marker: { '::before': { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 } },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, ...typographyStyles.caption1, margin: 0, padding: 0, listStyleType: 'none' },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  older: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
});

/**
 * The monitor's timeline: one box per request, rows of TIMELINE_ROW_LENGTH led by the time of
 * their first box, green when the challenge came back, red when not, grey when not measured;
 * network changes, pauses and markers drawn as bars above the box they came after.
 *
 * Each row's accessible name tells its counts; the boxes carry a title for pointer users and a
 * `data-result` for tests. Finished rows keep their identity in the store, so only the newest
 * one renders again as samples arrive.
 */
export function MonitorTimeline({ rows, events, olderSamples, lang }: { rows: readonly TimelineRow[]; events: readonly PlacedEvent[]; olderSamples: number; lang: Lang }) {
  const styles = useStyles();
  const { t } = useTranslation();
  // Per row: the positions that carry an event, as a string, so a row re-renders only when they change.
  const marks = useMemo(() => {
    const byRow = new Map<number, Map<number, 'event' | 'marker'>>();
    for (const { event, afterSeq } of events) {
      const seq = Math.max(0, afterSeq);
      const first = seq - (seq % TIMELINE_ROW_LENGTH);
      const row = byRow.get(first) ?? new Map<number, 'event' | 'marker'>();
      if (row.get(seq - first) !== 'marker') row.set(seq - first, event.type === 'marker' ? 'marker' : 'event');
      byRow.set(first, row);
    }
    const text = new Map<number, string>();
    for (const [first, row] of byRow) text.set(first, [...row].map(([i, kind]) => `${i}:${kind}`).join(','));
    return text;
  }, [events]);

  return (
    <div className={styles.wrap}>
      <p className={styles.explain}>{t('ui/monitor/timeline/explain', { count: TIMELINE_ROW_LENGTH })}</p>
      <ul className={styles.legend} aria-hidden="true">
        <li className={styles.legendItem}>
          <span className={mergeClasses(styles.cell, styles.challenge)} />
          {t('ui/monitor/timeline/legendOk')}
        </li>
        <li className={styles.legendItem}>
          <span className={mergeClasses(styles.cell, styles.failed)} />
          {t('ui/monitor/timeline/legendFailed')}
        </li>
        <li className={styles.legendItem}>
          <span className={mergeClasses(styles.cell, styles.missed)} />
          {t('ui/monitor/timeline/legendMissed')}
        </li>
        <li className={styles.legendItem}>
          <span className={mergeClasses(styles.cell, styles.pending, styles.event)} />
          {t('ui/monitor/timeline/legendEvent')}
        </li>
      </ul>
      {olderSamples > 0 && <p className={styles.older}>{t('ui/monitor/timeline/older', { count: olderSamples })}</p>}
      {rows.length === 0 ? (
        <p className={styles.explain}>{t('ui/monitor/timeline/empty')}</p>
      ) : (
        <ul className={styles.rows} data-timeline="">
          {rows.map((row) => (
            <Row key={row.first} row={row} marks={marks.get(row.first) ?? ''} lang={lang} />
          ))}
        </ul>
      )}
    </div>
  );
}

const Row = memo(function Row({ row, marks, lang }: { row: TimelineRow; marks: string; lang: Lang }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const at = useMemo(() => new Map(marks ? marks.split(',').map((m) => m.split(':') as [string, string]).map(([i, kind]) => [Number(i), kind]) : []), [marks]);
  const firstSample = row.samples.find(Boolean);
  const time = firstSample ? clock(firstSample.atMs, lang) : '';
  const ok = row.samples.filter((s) => s?.result === 'challenge').length;
  const failed = row.samples.filter((s) => s && isFailure(s)).length;
  const label = at.size
    ? t('ui/monitor/timeline/rowWithEvents', { time, ok, failed, events: at.size })
    : t('ui/monitor/timeline/row', { time, ok, failed });
  const cells = [];
  for (let i = 0; i < TIMELINE_ROW_LENGTH; i += 1) {
    const sample = row.samples[i];
    const mark = at.get(i);
    cells.push(
      <span
        key={i}
        className={mergeClasses(styles.cell, cellClass(styles, sample), mark && styles.event, mark === 'marker' && styles.marker)}
        data-result={sample?.result ?? 'pending'}
        {...(mark ? { 'data-event': mark } : {})}
        title={sample ? cellTitle(t, sample, lang) : undefined}
      />,
    );
  }
  return (
    <li className={styles.row} aria-label={label} data-row={row.first}>
      <span className={styles.time} aria-hidden="true">
        {time}
      </span>
      <span className={styles.cells} aria-hidden="true">
        {cells}
      </span>
    </li>
  );
});

function cellClass(styles: ReturnType<typeof useStyles>, sample: MonitorSample | undefined): string {
  if (!sample) return styles.pending;
  if (sample.result === 'challenge') return styles.challenge;
  if (sample.result === 'missed') return styles.missed;
  return styles.failed;
}

function cellTitle(t: (key: string, args?: Record<string, unknown>) => string, sample: MonitorSample, lang: Lang): string {
  const time = clock(sample.atMs, lang);
  switch (sample.result) {
    case 'challenge':
      return t('ui/monitor/timeline/challenge', { time, ms: Math.round(sample.timings?.totalMs ?? 0) });
    case 'no-challenge':
      return t('ui/monitor/timeline/noChallenge', { time, status: sample.status ?? '–' });
    case 'error':
      return t('ui/monitor/timeline/error', { time, kind: t(`monitor/kind/${sample.error?.kind ?? 'other'}`) });
    case 'missed':
      return t('ui/monitor/timeline/missed', { time });
  }
}

export function clock(epochMs: number, lang: Lang): string {
  return new Date(epochMs).toLocaleTimeString(lang === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
