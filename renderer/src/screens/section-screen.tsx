import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST } from '../../../shared/checklist/questions';
import { SECTION_IDS, type SectionId } from '../../../shared/model/sections';
import { FindingCard } from '../components/finding-card';
import { QuestionCard } from '../components/question-card';
import { SectionStatusIcon } from '../components/status-icon';
import { StepHeading } from '../components/step-heading';
import { StepNav } from '../components/step-nav';
import { bySeverity } from '../report/finding-view';
import { sectionsOfProbe } from '../store/run-progress';
import { selectLang, selectReport, selectViewed } from '../store/selectors';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  partTitle: { ...typographyStyles.subtitle1, margin: 0 },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, ...typographyStyles.body1Strong, margin: 0 },
  text: { ...typographyStyles.body1, margin: 0 },
  probes: { margin: 0, paddingInlineStart: '1.2em', ...typographyStyles.caption1, overflowWrap: 'anywhere' },
});

/**
 * One checklist section: the automatic result with the findings' texts, then the manual
 * questions only a person can answer.
 */
export function SectionScreen({ section }: { section: SectionId }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const report = useWizard(selectReport);
  const lang = useWizard(selectLang);
  const viewing = useWizard(selectViewed) !== null;
  const status = report?.sections.find((s) => s.id === section)?.status ?? 'not-checked';
  const findings = useMemo(() => bySeverity(report?.findings.filter((f) => f.section === section) ?? []), [report, section]);
  const probes = useMemo(
    () => report?.probes.filter((p) => p.probe !== undefined && sectionsOfProbe(p.probe).includes(section)) ?? [],
    [report, section],
  );
  const position = SECTION_IDS.indexOf(section) + 1;
  const statusText =
    status === 'not-checked' ? t('ui/section/statusNotChecked') : findings.length === 0 ? t('ui/section/statusOk') : t('ui/section/statusFindings');

  return (
    <section className={styles.screen} aria-labelledby="section-title" data-section={section} data-status={status}>
      <StepHeading id="section-title" eyebrow={t('ui/steps/stepOf', { n: position, total: SECTION_IDS.length })}>
        {t(`section/${section}`)}
      </StepHeading>
      <p className={styles.intro}>{t(`ui/section/intro/${section}`)}</p>

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/section/automatic')}</h2>
        <p className={styles.status}>
          <SectionStatusIcon status={status} label="" />
          <span>{t(`sectionStatus/${status}`)}</span>
        </p>
        <p className={styles.text}>{statusText}</p>
        {findings.map((finding) => (
          <FindingCard key={finding.id} finding={finding} lang={lang} />
        ))}
        {probes.length > 0 && (
          <Accordion collapsible>
            <AccordionItem value="probes">
              <AccordionHeader as="h3">{t('ui/section/probesInSection')}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.probes}>
                  {probes.map((p) => (
                    <li key={p.id}>
                      {p.id} – {t(`ui/running/probeStatus/${p.status}`)} ({p.durationMs} ms): {p.summary}
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        )}
      </div>

      <div className={styles.part}>
        <h2 className={styles.partTitle}>{t('ui/section/manual')}</h2>
        <p className={styles.intro}>{viewing ? t('ui/viewer/readOnly') : t('ui/section/manualIntro')}</p>
        {CHECKLIST[section].map((question) => (
          <QuestionCard key={question.id} section={section} question={question} lang={lang} />
        ))}
      </div>
      <StepNav />
    </section>
  );
}
