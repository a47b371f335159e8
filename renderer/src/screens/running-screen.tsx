import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowRight20Regular } from '@fluentui/react-icons/svg/arrow-right';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionStatusIcon, WaitingIcon } from '../components/status-icon';
import { StepHeading } from '../components/step-heading';
import { finishedCount, liveSections, type LiveSection, type RunProgress } from '../store/run-progress';
import { selectActions, selectReport, selectRun } from '../store/selectors';
import { useWizard } from '../store/store-context';
import type { Report } from '../../../shared/report/report-schema';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { ...typographyStyles.body1, margin: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  count: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  sectionsTitle: { ...typographyStyles.subtitle1, margin: 0 },
  sections: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingVerticalS,
  },
  section: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minHeight: '44px',
  },
  sectionName: { flexGrow: 1 },
  sectionState: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, textAlign: 'end' },
  table: { borderCollapse: 'collapse', width: '100%', ...typographyStyles.caption1 },
  cell: { textAlign: 'start', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
});

/**
 * While probing: the progress bar, each section filling in as its probes finish, cancel; when
 * done, the way on to the results.
 */
export function RunningScreen() {
  const styles = useStyles();
  const { t } = useTranslation();
  const run = useWizard(selectRun);
  const report = useWizard(selectReport);
  const { cancel, goTo, next } = useWizard(selectActions);
  const sections = useMemo(() => (run ? liveSections(run) : []), [run]);
  const resultsButton = useRef<HTMLButtonElement>(null);
  const over = run?.phase === 'finished' || run?.phase === 'failed';

  useEffect(() => {
    // When the run ends, the way on gets the focus (the heading had it while waiting).
    if (run?.phase === 'finished') resultsButton.current?.focus();
  }, [run?.phase]);

  if (!run) return null;
  const total = run.planned.length;
  const done = finishedCount(run);
  const title =
    run.phase === 'failed'
      ? t('ui/running/titleFailed')
      : run.phase === 'finished'
        ? run.endedEarly === 'cancelled'
          ? t('ui/running/titleCancelled')
          : t('ui/running/titleDone')
        : t('ui/running/title');

  return (
    <section className={styles.screen} aria-labelledby="running-title" aria-busy={!over}>
      <StepHeading id="running-title">{title}</StepHeading>
      {!over && <p className={styles.intro}>{t('ui/running/intro')}</p>}
      <div className={styles.progress}>
        <ProgressBar
          aria-label={t('ui/running/progressLabel')}
          value={over ? 1 : total === 0 ? undefined : done / total}
          thickness="large"
          color={run.phase === 'failed' ? 'error' : 'brand'}
        />
        <p className={styles.count}>{t('ui/running/progress', { done, total })}</p>
      </div>
      <div role="status">
        {run.phase === 'finished' && run.endedEarly && (
          <MessageBar intent="warning">
            <MessageBarBody>{t(run.endedEarly === 'deadline' ? 'cli/deadline' : 'cli/cancelled')}</MessageBarBody>
          </MessageBar>
        )}
        {run.phase === 'finished' && !run.endedEarly && <p className={styles.intro}>{t('ui/running/doneHint')}</p>}
        {run.phase === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{t('ui/running/failed', { message: run.error ?? '' })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.actions}>
        {!over && (
          <Button icon={run.phase === 'cancelling' ? <Spinner size="tiny" /> : <Dismiss20Regular />} disabled={run.phase === 'cancelling'} onClick={() => void cancel()}>
            {run.phase === 'cancelling' ? t('ui/running/cancelling') : t('ui/running/cancel')}
          </Button>
        )}
        {run.phase === 'finished' && report && (
          <Button ref={resultsButton} appearance="primary" icon={<ArrowRight20Regular />} iconPosition="after" onClick={next}>
            {t('ui/running/showResults')}
          </Button>
        )}
        {over && <Button onClick={() => goTo('start')}>{t('ui/running/backToStart')}</Button>}
      </div>
      <h2 className={styles.sectionsTitle}>{t('ui/running/sectionsLabel')}</h2>
      <ul className={styles.sections} aria-label={t('ui/running/sectionsLabel')}>
        {sections.map((section) => (
          <SectionTile key={section.id} section={section} report={report} />
        ))}
      </ul>
      <ProbeTable run={run} />
    </section>
  );
}

function SectionTile({ section, report }: { section: LiveSection; report: Report | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const final = report?.sections.find((s) => s.id === section.id)?.status;
  const state = final ? t(`sectionStatus/${final}`) : t(`ui/running/sectionState/${section.state}`);
  return (
    <li className={styles.section} data-section={section.id} data-state={final ?? section.state}>
      {final ? (
        <SectionStatusIcon status={final} label={state} />
      ) : section.state === 'running' ? (
        <Spinner size="extra-tiny" aria-label={state} />
      ) : (
        <WaitingIcon label={state} />
      )}
      <span className={styles.sectionName}>{t(`section/${section.id}`)}</span>
      <span className={styles.sectionState}>
        {section.total > 0 ? `${section.done}/${section.total} · ` : ''}
        {state}
      </span>
    </li>
  );
}

function ProbeTable({ run }: { run: RunProgress }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  return (
    <Accordion collapsible>
      <AccordionItem value="probes">
        <AccordionHeader as="h2">{t('ui/running/probesLabel')}</AccordionHeader>
        <AccordionPanel>
          <table className={styles.table}>
            <thead>
              <tr>
                {(['probe', 'target', 'status', 'duration'] as const).map((column) => (
                  <th key={column} scope="col" className={styles.cell}>
                    {t(`ui/running/column/${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {run.planned.map((probe) => {
                const result = run.results[probe.id];
                const status = result ? result.status : run.started[probe.id] ? 'running' : 'planned';
                const key = `probe/${probe.probe}`;
                return (
                  <tr key={probe.id} data-probe={probe.id} data-status={status}>
                    <td className={styles.cell}>{i18n.exists(key) ? t(key) : probe.title}</td>
                    <td className={styles.cell}>{probe.target}</td>
                    <td className={styles.cell}>{t(`ui/running/probeStatus/${status}`)}</td>
                    <td className={styles.cell}>{result ? t('ui/running/duration', { ms: result.durationMs }) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
