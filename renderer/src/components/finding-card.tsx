import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import type { ReportFinding } from '../../../shared/report/report-schema';
import { findingTexts } from '../report/finding-view';
import { SeverityIcon } from './status-icon';

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { ...typographyStyles.subtitle1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  detail: { ...typographyStyles.body1, margin: `${tokens.spacingVerticalS} 0` },
  subheading: { ...typographyStyles.subtitle2, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  list: { margin: 0, paddingInlineStart: '1.4em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  evidence: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

const BADGE_COLOUR = { problem: 'danger', warning: 'warning', info: 'informative' } as const;

/**
 * One finding: title, explanation, "Was Sie tun können", and the IT part folded away (it is
 * for the helpdesk, not for the person at the computer).
 */
export function FindingCard({ finding, lang, headingLevel = 3 }: { finding: ReportFinding; lang: Lang; headingLevel?: 3 | 4 }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = findingTexts(finding, lang);
  const titleId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <article className={styles.card} aria-labelledby={titleId} data-finding={finding.id}>
      <Heading id={titleId} className={styles.title}>
        <SeverityIcon severity={finding.severity} label={t(`severity/${finding.severity}`)} />
        <span>{texts.title}</span>
        <Badge appearance="tint" color={BADGE_COLOUR[finding.severity]}>
          {t(`severity/${finding.severity}`)}
        </Badge>
      </Heading>
      {texts.detail && <p className={styles.detail}>{texts.detail}</p>}
      {texts.user.length > 0 && (
        <>
          <Sub className={styles.subheading}>{t('heading/userAction')}</Sub>
          <ol className={styles.list}>
            {texts.user.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {(texts.admin.length > 0 || finding.evidence.length > 0) && (
        <Accordion collapsible>
          <AccordionItem value="admin">
            <AccordionHeader as={Sub}>{t('heading/adminAction')}</AccordionHeader>
            <AccordionPanel>
              {texts.admin.length > 0 && (
                <ul className={styles.list}>
                  {texts.admin.map((step, i) => (
                    <li key={i}>{step}</li>
                  ))}
                </ul>
              )}
              {finding.evidence.length > 0 && <p className={styles.evidence}>{t('ui/finding/evidence', { ids: finding.evidence.join(', ') })}</p>}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </article>
  );
}
