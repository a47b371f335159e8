import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons/svg/arrow-left';
import { ArrowRight20Regular } from '@fluentui/react-icons/svg/arrow-right';
import { useTranslation } from 'react-i18next';
import { selectActions, selectStep } from '../store/selectors';
import { useWizard } from '../store/store-context';
import { sectionStep } from '../store/steps';
import { SECTION_IDS } from '../../../shared/model/sections';

const LAST_SECTION_STEP = sectionStep(SECTION_IDS[SECTION_IDS.length - 1]!);

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Back and next at the foot of a result step; "next" on the last section leads to the summary. */
export function StepNav() {
  const styles = useStyles();
  const { t } = useTranslation();
  const step = useWizard(selectStep);
  const { back, next } = useWizard(selectActions);
  const nextLabel = step === LAST_SECTION_STEP ? t('ui/nav/toSummary') : t('ui/nav/next');
  return (
    <div className={styles.bar}>
      <Button icon={<ArrowLeft20Regular />} onClick={back}>
        {t('ui/nav/back')}
      </Button>
      {step !== 'summary' && (
        <Button appearance="primary" icon={<ArrowRight20Regular />} iconPosition="after" onClick={next}>
          {nextLabel}
        </Button>
      )}
    </div>
  );
}
