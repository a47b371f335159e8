import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { Pulse20Regular } from '@fluentui/react-icons/svg/pulse';
import { useTranslation } from 'react-i18next';
import { SECTION_IDS, type SectionId, type SectionStatus } from '../../../shared/model/sections';
import { selectActions, selectHasReport, selectHasRun, selectMonitorPhase, selectReport, selectStep } from '../store/selectors';
import { isReachable, sectionStep, STEP_IDS, type StepId } from '../store/steps';
import { useWizard } from '../store/store-context';
import { SectionStatusIcon, WaitingIcon } from './status-icon';

const useStyles = makeStyles({
  nav: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}` },
  title: { ...typographyStyles.subtitle2, margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightRegular, minHeight: '36px' },
  current: { backgroundColor: tokens.colorSubtleBackgroundSelected, fontWeight: tokens.fontWeightSemibold },
  label: { flexGrow: 1 },
  live: { color: tokens.colorStatusSuccessForeground1 },
  number: { minWidth: '1.6em', color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
});

/**
 * The list of all steps at the side, to jump to any step that is open yet. Each section shows
 * its status as soon as a report exists.
 */
export function StepOverview() {
  const styles = useStyles();
  const { t } = useTranslation();
  const current = useWizard(selectStep);
  const hasRun = useWizard(selectHasRun);
  const hasReport = useWizard(selectHasReport);
  const report = useWizard(selectReport);
  const { goTo } = useWizard(selectActions);
  const monitorPhase = useWizard(selectMonitorPhase);
  const monitoring = monitorPhase === 'running' || monitorPhase === 'stopping';
  const statusOf = (section: SectionId): SectionStatus | undefined => report?.sections.find((s) => s.id === section)?.status;

  const label = (step: StepId): string => {
    if (step === 'start') return t('ui/steps/start');
    if (step === 'running') return t('ui/steps/running');
    if (step === 'summary') return t('ui/steps/summary');
    if (step === 'monitor') return t('ui/steps/monitor');
    return t(`section/${step.slice('section:'.length)}`);
  };

  return (
    <nav aria-label={t('ui/steps/label')} className={styles.nav}>
      <h2 className={styles.title}>{t('ui/steps/label')}</h2>
      <ol className={styles.list}>
        {STEP_IDS.map((step) => {
          const reachable = isReachable(step, { hasRun, hasReport });
          const section = SECTION_IDS.find((s) => sectionStep(s) === step);
          const status = section ? statusOf(section) : undefined;
          const number = section ? SECTION_IDS.indexOf(section) + 1 : undefined;
          return (
            <li key={step}>
              <Button
                appearance="subtle"
                className={mergeClasses(styles.item, step === current && styles.current)}
                aria-current={step === current ? 'step' : undefined}
                aria-label={[
                  number !== undefined ? `${number}. ${label(step)}` : label(step),
                  status ? t(`sectionStatus/${status}`) : undefined,
                  step === 'monitor' && monitoring ? t('ui/steps/monitorRunning') : undefined,
                ]
                  .filter(Boolean)
                  .join(' – ')}
                disabled={!reachable}
                title={reachable ? undefined : t('ui/steps/locked')}
                onClick={() => goTo(step)}
                icon={
                  section ? (
                    status ? (
                      <SectionStatusIcon status={status} label={t(`sectionStatus/${status}`)} />
                    ) : (
                      <WaitingIcon label={t('ui/steps/locked')} />
                    )
                  ) : step === 'monitor' && monitoring ? (
                    <Pulse20Regular className={styles.live} aria-hidden="true" />
                  ) : undefined
                }
              >
                {number !== undefined && <span className={styles.number}>{number}.</span>}
                <span className={styles.label}>{label(step)}</span>
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
