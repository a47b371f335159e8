import { Checkbox, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, tokens, typographyStyles } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistQuestion } from '../../../shared/checklist/questions';
import type { Lang } from '../../../shared/i18n';
import type { SectionId } from '../../../shared/model/sections';
import { selectActions, selectAnswer, selectViewed } from '../store/selectors';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  done: { backgroundColor: tokens.colorNeutralBackground2 },
  text: { ...typographyStyles.body1Strong, margin: 0 },
  help: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * One manual question: the question, how to find out, the answers (each may bring advice), and
 * "Erledigt". The advice appears as soon as an answer is chosen.
 */
export function QuestionCard({ section, question, lang }: { section: SectionId; question: ChecklistQuestion; lang: Lang }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const answer = useWizard(selectAnswer(section, question.id));
  const { setChoice, setDone } = useWizard(selectActions);
  // Someone else's answers, from a bundle: shown as they were, not editable.
  const readOnly = useWizard(selectViewed) !== null;
  const textId = useId();
  const helpId = useId();
  const choice = question.choices?.find((c) => c.id === answer?.choice);
  return (
    <div
      role="group"
      aria-labelledby={textId}
      className={answer?.done ? `${styles.card} ${styles.done}` : styles.card}
      data-question={`${section}/${question.id}`}
    >
      <p id={textId} className={styles.text}>
        {question.text[lang]}
      </p>
      {question.help && (
        <p id={helpId} className={styles.help}>
          {question.help[lang]}
        </p>
      )}
      {question.choices && (
        <RadioGroup
          layout="horizontal"
          aria-labelledby={textId}
          value={answer?.choice ?? ''}
          disabled={readOnly}
          onChange={(_event, data) => setChoice(section, question.id, data.value)}
        >
          {question.choices.map((c) => (
            <Radio key={c.id} value={c.id} label={c.label[lang]} />
          ))}
        </RadioGroup>
      )}
      {choice?.advice && (
        <MessageBar intent={choice.notable ? 'warning' : 'info'} layout="multiline">
          <MessageBarBody>{choice.advice[lang]}</MessageBarBody>
        </MessageBar>
      )}
      <Checkbox
        label={t('ui/section/done')}
        aria-describedby={textId}
        checked={answer?.done ?? false}
        disabled={readOnly}
        onChange={(_event, data) => setDone(section, question.id, data.checked === true)}
      />
    </div>
  );
}
