import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Lang } from '../../../shared/i18n';
import type { TimelineRow } from '../store/monitor-actions';

/** Answered requests shown in the chart: ten minutes at one a second. */
export const CHART_POINTS = 600;
const CHART_HEIGHT = 180;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  explain: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  chart: { minHeight: `${CHART_HEIGHT}px`, width: '100%' },
});

/** x: seconds since the epoch (uPlot's time scale), y: total time of each answered request in ms. */
export function latencySeries(rows: readonly TimelineRow[], limit = CHART_POINTS): [number[], number[]] {
  const x: number[] = [];
  const y: number[] = [];
  for (const row of rows) {
    for (const sample of row.samples) {
      if (sample?.result !== 'challenge' || sample.timings === undefined) continue;
      x.push(sample.atMs / 1000);
      y.push(Math.round(sample.timings.totalMs * 10) / 10);
    }
  }
  return [x.slice(-limit), y.slice(-limit)];
}

/**
 * The response time of every answered request over time (uPlot on a canvas). The numbers
 * themselves are in the counters and in the bundle; the chart shows spikes and trends.
 */
export function LatencyChart({ rows, lang }: { rows: readonly TimelineRow[]; lang: Lang }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = useMemo(() => latencySeries(rows), [rows]);
  const latest = useRef(data);
  latest.current = data;
  const hasData = data[0].length > 0;

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    // Canvas colours must be real colours: read the theme's tokens as the page resolved them.
    const style = getComputedStyle(element);
    const color = (token: string, fallback: string) => style.getPropertyValue(token.replace(/^var\(|\)$/g, '').split(',')[0]!.trim()).trim() || fallback;
    const stroke = color(tokens.colorBrandForeground1, '#0f6cbd');
    const axis = color(tokens.colorNeutralForeground2, '#616161');
    const grid = color(tokens.colorNeutralStroke2, '#e0e0e0');
    const locale = lang === 'de' ? 'de-DE' : 'en-GB';
    const instance = new uPlot(
      {
        width: Math.max(200, element.clientWidth),
        height: CHART_HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.15)] } },
        axes: [
          { stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid }, values: (_u, splits) => splits.map((s) => new Date(s * 1000).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' })) },
          { stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid }, label: t('ui/monitor/chart/axis'), size: 56 },
        ],
        series: [{}, { stroke, width: 1.5, points: { show: false } }],
      },
      latest.current,
      element,
    );
    plot.current = instance;
    const resize = new ResizeObserver(() => instance.setSize({ width: Math.max(200, element.clientWidth), height: CHART_HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      plot.current = null;
    };
  }, [lang, t]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return (
    <div className={styles.wrap}>
      <p className={styles.explain}>{hasData ? t('ui/monitor/chart/explain', { count: CHART_POINTS }) : t('ui/monitor/chart/empty')}</p>
      <div ref={holder} className={styles.chart} role="img" aria-label={t('ui/monitor/chart/title')} data-chart-points={data[0].length} />
    </div>
  );
}
