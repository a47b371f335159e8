import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
  Tooltip,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { ArrowUndo20Regular } from '@fluentui/react-icons/svg/arrow-undo';
import { Copy20Regular } from '@fluentui/react-icons/svg/copy';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import { Pulse20Regular } from '@fluentui/react-icons/svg/pulse';
import { Save20Regular } from '@fluentui/react-icons/svg/save';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { answeredQuestions, answerLines, chosenAdvice } from '../../../shared/checklist/answers';
import { bundleAnswerLines } from '../../../shared/checklist/bundle-answers';
import { ExportDialog } from '../bundle/export-dialog';
import { FindingCard } from '../components/finding-card';
import { SectionStatusIcon } from '../components/status-icon';
import { StepHeading } from '../components/step-heading';
import { StepNav } from '../components/step-nav';
import { TrafficLight } from '../components/traffic-light';
import { bySeverity, findingTexts } from '../report/finding-view';
import { selectActions, selectAnswers, selectInfo, selectLang, selectMonitorPhase, selectNotice, selectReport, selectRun, selectViewed } from '../store/selectors';
import { sectionStep } from '../store/steps';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  verdict: { display: 'flex', gap: tokens.spacingHorizontalXL, alignItems: 'center' },
  verdictText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  verdictTitle: { ...typographyStyles.title3, margin: 0 },
  text: { ...typographyStyles.body1, margin: 0 },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  partTitle: { ...typographyStyles.subtitle1, margin: 0 },
  subTitle: { ...typographyStyles.subtitle2, margin: 0 },
  list: { margin: 0, paddingInlineStart: '1.4em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  userFinding: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sections: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingVerticalXS },
  sectionItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/**
 * The summary: the traffic light, what the user can do (findings by severity, then the advice
 * their answers brought), a separate part for IT support, and what to do next.
 */
export function SummaryScreen() {
  const styles = useStyles();
  const { t } = useTranslation();
  const report = useWizard(selectReport);
  const run = useWizard(selectRun);
  const info = useWizard(selectInfo);
  const lang = useWizard(selectLang);
  const answers = useWizard(selectAnswers);
  const notice = useWizard(selectNotice);
  const viewed = useWizard(selectViewed);
  const { goTo, rerun, copySummary, dismissNotice, openExport, closeBundle, startMonitorFromSummary } = useWizard(selectActions);
  const monitorPhase = useWizard(selectMonitorPhase);
  const monitorBusy = monitorPhase === 'starting' || monitorPhase === 'running' || monitorPhase === 'stopping';
  const findings = useMemo(() => bySeverity(report?.findings ?? []), [report]);
  const advice = useMemo(() => chosenAdvice(answers), [answers]);
  const answered = useMemo(() => answeredQuestions(answers), [answers]);
  // A bundle's answers in the words it recorded (what its user saw), the own ones from the catalog.
  const lines = useMemo(() => (viewed ? bundleAnswerLines(viewed.checklist, lang) : answerLines(answers, lang)), [viewed, answers, lang]);
  if (!report) return null;

  const actionable = findings.filter((f) => f.severity !== 'info');
  const open = answered.filter((a) => !a.done).length;
  const target = [report.input.server, report.input.email].filter(Boolean).join(' / ');
  const when = new Date(report.finishedAt).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');

  return (
    <section className={styles.screen} aria-labelledby="summary-title">
      <StepHeading id="summary-title">{t('ui/summary/title')}</StepHeading>

      <div className={styles.verdict} data-verdict={report.verdict}>
        <TrafficLight verdict={report.verdict} />
        <div className={styles.verdictText}>
          <p className={styles.verdictTitle}>{t(`verdict/${report.verdict}`)}</p>
          <p className={styles.text}>{t(`ui/summary/verdictHint/${report.verdict}`)}</p>
          <p className={styles.meta}>{t('ui/summary/checked', { target, when })}</p>
        </div>
      </div>
      {run?.endedEarly && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(run.endedEarly === 'deadline' ? 'cli/deadline' : 'cli/cancelled')}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/summary/userPart')}</h2>
        {actionable.length === 0 && <p className={styles.text}>{t('ui/summary/nothingToDo')}</p>}
        {actionable.map((finding) => {
          const texts = findingTexts(finding, lang);
          return (
            <div key={finding.id} className={styles.userFinding} data-finding={finding.id}>
              <h3 className={styles.subTitle}>
                {t(`severity/${finding.severity}`)}: {texts.title}
              </h3>
              {texts.user.length > 0 && (
                <ol className={styles.list}>
                  {texts.user.map((step, i) => (
                    <li key={i}>{step}</li>
                  ))}
                </ol>
              )}
            </div>
          );
        })}
        {advice.length > 0 && (
          <>
            <h3 className={styles.subTitle}>{viewed ? t('ui/viewer/fromAnswers') : t('ui/summary/fromAnswers')}</h3>
            <ul className={styles.list}>
              {advice.map((a) => (
                <li key={`${a.section}/${a.question.id}`}>{a.choice.advice[lang]}</li>
              ))}
            </ul>
          </>
        )}
      </div>

      <Accordion collapsible>
        <AccordionItem value="it">
          <AccordionHeader as="h2">{t('ui/summary/itPart')}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.part}>
              <p className={styles.text}>{t('ui/summary/itIntro')}</p>
              {findings.length === 0 && <p className={styles.text}>{t('cli/noFindings')}</p>}
              {findings.map((finding) => (
                <FindingCard key={finding.id} finding={finding} lang={lang} headingLevel={3} />
              ))}
              <h3 className={styles.subTitle}>{t('ui/summary/answersTitle')}</h3>
              {lines.length === 0 ? (
                <p className={styles.text}>{t('ui/summary/noAnswers')}</p>
              ) : (
                <ul className={styles.list} data-answers="">
                  {lines.map((line) => (
                    <li key={line.key}>
                      {line.section ? `${t(`section/${line.section}`)}: ` : ''}
                      {line.question} → <strong>{line.answer}</strong>
                    </li>
                  ))}
                </ul>
              )}
              <p className={styles.meta}>{t('ui/summary/openTasks', { count: open })}</p>
              {viewed ? (
                <p className={styles.meta}>{`${report.tool.name} ${viewed.origin.toolVersion}${report.tool.commit ? ` (${report.tool.commit})` : ''}${report.tool.platform ? ` · ${report.tool.platform}` : ''}`}</p>
              ) : (
                info && <p className={styles.meta}>{`${info.name} ${info.version} (${info.commit}) · ${info.platform}`}</p>
              )}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/summary/sectionsTitle')}</h2>
        <ul className={styles.sections}>
          {report.sections.map((section) => (
            <li key={section.id} className={styles.sectionItem}>
              <SectionStatusIcon status={section.status} label={t(`sectionStatus/${section.status}`)} />
              <Link as="button" type="button" onClick={() => goTo(sectionStep(section.id))}>
                {t(`section/${section.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </div>

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/summary/actions')}</h2>
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Copy20Regular />} onClick={() => void copySummary()}>
            {t('ui/summary/copy')}
          </Button>
          {viewed ? (
            <Button icon={<ArrowUndo20Regular />} onClick={closeBundle}>
              {t('ui/viewer/back')}
            </Button>
          ) : (
            <>
              <Button icon={<ArrowClockwise20Regular />} onClick={() => void rerun()}>
                {t('ui/summary/rerun')}
              </Button>
              <FutureAction available={info?.capabilities.bundleExport ?? false} icon={<Save20Regular />} label={t('ui/summary/exportBundle')} onClick={openExport} />
              {/* A monitor already measuring is shown, not started twice. */}
              <FutureAction
                available={info?.capabilities.monitor ?? false}
                icon={<Pulse20Regular />}
                label={monitorBusy ? t('ui/summary/showMonitor') : t('ui/summary/startMonitor')}
                onClick={() => (monitorBusy ? goTo('monitor') : void startMonitorFromSummary())}
              />
            </>
          )}
        </div>
        <div aria-live="polite">
          {notice && (
            <MessageBar intent={notice.kind === 'copied' ? 'success' : 'error'}>
              <MessageBarBody>
                {notice.kind === 'copied' ? t('ui/summary/copied') : t('ui/summary/copyFailed', { message: notice.message })}
              </MessageBarBody>
              <MessageBarActions
                containerAction={<Button appearance="transparent" aria-label={t('menu/close')} icon={<Dismiss20Regular />} onClick={dismissNotice} />}
              />
            </MessageBar>
          )}
        </div>
      </div>
      <StepNav />
      {!viewed && <ExportDialog />}
    </section>
  );
}

/**
 * A button for a feature of a later version: focusable but disabled, with a tooltip that says
 * why, until the host announces the capability.
 */
function FutureAction({ available, icon, label, onClick }: { available: boolean; icon: ReactElement; label: string; onClick?: () => void }) {
  const { t } = useTranslation();
  if (available) {
    return (
      <Button icon={icon} onClick={onClick}>
        {label}
      </Button>
    );
  }
  return (
    <Tooltip content={t('ui/summary/unavailable')} relationship="description">
      <Button icon={icon} disabledFocusable>
        {label}
      </Button>
    </Tooltip>
  );
}
