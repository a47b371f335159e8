import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { Flag20Regular } from '@fluentui/react-icons/svg/flag';
import { Play20Regular } from '@fluentui/react-icons/svg/play';
import { Save20Regular } from '@fluentui/react-icons/svg/save';
import { Stop20Regular } from '@fluentui/react-icons/svg/stop';
import { useMemo, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SERVER_INPUT } from '../../../shared/ipc/limits';
import { MAX_MARKER_NOTE_CHARS } from '../../../shared/monitor/monitor-settings';
import { monitorVerdict } from '../../../shared/monitor/monitor-verdict';
import { monitorDuration, monitorSummaryLines } from '../../../shared/monitor/monitor-summary';
import { timelineEventText } from '../../../shared/monitor/timeline-event-text';
import { translator } from '../../../shared/i18n';
import { ExportDialog } from '../bundle/export-dialog';
import { StepHeading } from '../components/step-heading';
import { TrafficLight } from '../components/traffic-light';
import { LatencyChart } from '../monitor/latency-chart';
import { clock, MonitorTimeline } from '../monitor/monitor-timeline';
import { DURATION_CHOICES, INTERVAL_CHOICES, type DurationChoice } from '../store/monitor-actions';
import { selectActions, selectInfo, selectLang, selectMonitor } from '../store/selectors';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  text: { ...typographyStyles.body1, margin: 0 },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalL },
  checks: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  markRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  note: { minWidth: '260px', flexGrow: 1, maxWidth: '420px' },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  partTitle: { ...typographyStyles.subtitle1, margin: 0 },
  counters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  counter: {
    display: 'flex',
    flexDirection: 'column-reverse',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  counterLabel: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  counterValue: { ...typographyStyles.subtitle1, margin: 0, fontVariantNumeric: 'tabular-nums' },
  verdict: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  events: { margin: 0, paddingInlineStart: '1.2em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, ...typographyStyles.body1 },
  eventTime: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2, marginInlineEnd: tokens.spacingHorizontalS },
  summary: { margin: 0, ...typographyStyles.body1, fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/**
 * The monitor ("Dauertest"): first its settings, then the live view: what it asks and since when,
 * "Problem ist gerade aufgetreten", the figures, the timeline in rows of 60, the response time,
 * the events, and a part for IT support with the same summary as the command line prints.
 */
export function MonitorScreen() {
  const styles = useStyles();
  const { t } = useTranslation();
  const monitor = useWizard(selectMonitor);
  const info = useWizard(selectInfo);
  const showing = monitor.phase !== 'idle' && monitor.phase !== 'starting';

  return (
    <section className={styles.screen} aria-labelledby="monitor-title">
      <StepHeading id="monitor-title">{t('ui/monitor/title')}</StepHeading>
      {!showing && (
        <>
          <p className={styles.text}>{t('ui/monitor/intro')}</p>
          <p className={styles.text}>{t('ui/monitor/howto')}</p>
        </>
      )}
      <p className={styles.hint}>{t(`ui/monitor/background/${info?.shell === 'electron' ? 'electron' : 'web'}`)}</p>
      {showing ? <LiveView /> : <MonitorForm />}
      {monitor.id && <ExportDialog />}
    </section>
  );
}

function MonitorForm() {
  const styles = useStyles();
  const { t } = useTranslation();
  const monitor = useWizard(selectMonitor);
  const { setMonitorField, startMonitor } = useWizard(selectActions);
  const serverRef = useRef<HTMLInputElement>(null);
  const { form, problems } = monitor;
  const starting = monitor.phase === 'starting';
  const number = new Intl.NumberFormat(useWizard(selectLang) === 'de' ? 'de-DE' : 'en-GB');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await startMonitor();
    if (!ok) serverRef.current?.focus();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label={t('ui/monitor/title')}>
      <Field label={t('ui/monitor/serverLabel')} hint={t('ui/monitor/serverHint')} validationState={problems.server ? 'error' : 'none'} validationMessage={problems.server ? t(problems.server.key) : undefined}>
        <Input
          ref={serverRef}
          name="monitor-server"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_SERVER_INPUT}
          value={form.server}
          onChange={(_e, data) => setMonitorField('server', data.value)}
        />
      </Field>
      <div className={styles.pair}>
        <Field label={t('ui/monitor/intervalLabel')}>
          <Select value={String(form.intervalSeconds)} onChange={(_e, data) => setMonitorField('intervalSeconds', Number(data.value))}>
            {INTERVAL_CHOICES.map((seconds) => (
              <option key={seconds} value={String(seconds)}>
                {t('ui/monitor/seconds', { value: number.format(seconds) })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui/monitor/durationLabel')}>
          <Select value={form.duration} onChange={(_e, data) => setMonitorField('duration', data.value as DurationChoice)}>
            {(Object.keys(DURATION_CHOICES) as DurationChoice[]).map((choice) => (
              <option key={choice} value={choice}>
                {t(`ui/monitor/duration/${choice}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.checks}>
        <Checkbox checked={form.resolveEach} onChange={(_e, data) => setMonitorField('resolveEach', data.checked === true)} label={t('ui/monitor/resolveEach')} />
        <Checkbox checked={form.keepAlive} onChange={(_e, data) => setMonitorField('keepAlive', data.checked === true)} label={t('ui/monitor/keepAlive')} />
      </div>
      {problems.form && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(problems.form.key, problems.form.args)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="large" icon={starting ? <Spinner size="tiny" /> : <Play20Regular />} disabled={starting}>
          {starting ? t('ui/monitor/starting') : t('ui/monitor/start')}
        </Button>
      </div>
    </form>
  );
}

function LiveView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const monitor = useWizard(selectMonitor);
  const lang = useWizard(selectLang);
  const { stopMonitor, markProblem, setMonitorNote, newMonitor, openExport } = useWizard(selectActions);
  const { info, stats, phase } = monitor;
  const running = phase === 'running';
  const number = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const tr = useMemo(() => translator(lang), [lang]);
  const summary = useMemo(() => (info && stats ? monitorSummaryLines(info, stats, lang) : []), [info, stats, lang]);
  if (!info) return null;

  const interval = number.format(info.intervalMs / 1000);
  const verdict = stats && phase === 'ended' ? monitorVerdict(stats) : null;
  const none = t('ui/monitor/counters/none');
  const counters: [string, string][] = [
    ['requests', stats ? number.format(stats.measured) : none],
    ['answered', stats?.successRatio != null ? t('ui/monitor/counters/percent', { value: number.format(Math.floor(stats.successRatio * 1000) / 10) }) : none],
    ['failed', stats ? number.format(stats.failed) : none],
    ['outages', stats ? number.format(stats.outages.count) : none],
    ['longest', stats?.outages.longest ? monitorDuration(stats.outages.longest.durationMs, lang) : none],
    ['latency', stats?.latency.p50Ms != null ? t('ui/monitor/counters/ms', { value: number.format(Math.round(stats.latency.p50Ms)) }) : none],
  ];

  return (
    <>
      <p className={styles.text} data-monitor-phase={phase}>
        {running || phase === 'stopping'
          ? t('ui/monitor/runningSince', { time: clock(info.startedAtMs, lang), interval, url: info.url })
          : t('ui/monitor/endedAt', { time: clock(stats?.lastSampleMs ?? info.startedAtMs, lang), reason: t(`ui/monitor/reason/${monitor.ended ?? 'stopped'}`) })}
      </p>
      {verdict && (
        <div className={styles.verdict} data-verdict={verdict}>
          <TrafficLight verdict={verdict} />
          <p className={styles.text}>{t(`ui/monitor/verdict/${verdict}`)}</p>
        </div>
      )}

      {running && (
        <div className={styles.markRow}>
          <Field label={t('ui/monitor/noteLabel')} className={styles.note}>
            <Input
              value={monitor.note}
              maxLength={MAX_MARKER_NOTE_CHARS}
              placeholder={t('ui/monitor/notePlaceholder')}
              onChange={(_e, data) => setMonitorNote(data.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void markProblem();
              }}
            />
          </Field>
          <Button appearance="primary" size="large" icon={<Flag20Regular />} onClick={() => void markProblem()}>
            {t('ui/monitor/mark')}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {monitor.lastMarker && (
          <MessageBar intent="info">
            <MessageBarBody>{t('ui/monitor/marked', { number: monitor.lastMarker.number, time: clock(monitor.lastMarker.atMs, lang) })}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <div className={styles.actions}>
        {running || phase === 'stopping' ? (
          <Button icon={<Stop20Regular />} onClick={() => void stopMonitor()} disabled={phase === 'stopping'}>
            {t('ui/monitor/stop')}
          </Button>
        ) : (
          <Button icon={<Add20Regular />} onClick={newMonitor}>
            {t('ui/monitor/again')}
          </Button>
        )}
        <Button icon={<Save20Regular />} onClick={openExport}>
          {t('ui/monitor/exportBundle')}
        </Button>
      </div>

      <dl className={styles.counters} aria-label={t('ui/monitor/counters/label')}>
        {counters.map(([key, value]) => (
          <div key={key} className={styles.counter} data-counter={key}>
            <dd className={styles.counterValue}>{value}</dd>
            <dt className={styles.counterLabel}>{t(`ui/monitor/counters/${key}`)}</dt>
          </div>
        ))}
      </dl>

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/monitor/timeline/title')}</h2>
        <MonitorTimeline rows={monitor.rows} events={monitor.events} olderSamples={monitor.olderSamples} lang={lang} />
      </div>

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/monitor/chart/title')}</h2>
        <LatencyChart rows={monitor.rows} lang={lang} />
      </div>

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/monitor/events/title')}</h2>
        {monitor.events.length === 0 ? (
          <p className={styles.text}>{t('ui/monitor/events/none')}</p>
        ) : (
          <ol className={styles.events} data-events="">
            {monitor.events.map(({ event }, i) => (
              <li key={i} data-event-type={event.type}>
                <span className={styles.eventTime}>{clock(event.atMs, lang)}</span>
                {timelineEventText(tr, event, info.host)}
              </li>
            ))}
          </ol>
        )}
      </div>

      <Accordion collapsible>
        <AccordionItem value="it">
          <AccordionHeader as="h2">{t('ui/monitor/itTitle')}</AccordionHeader>
          <AccordionPanel>
            <p className={styles.hint}>{`${info.method} ${info.url} · ${info.connection}${info.resolveEach ? ' · resolve-each' : ''}`}</p>
            <pre className={styles.summary}>{summary.join('\n')}</pre>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
