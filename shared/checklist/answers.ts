import { translator, type Lang } from '../i18n';
import { SECTION_IDS, type SectionId } from '../model/sections';
import { CHECKLIST, type ChecklistChoice, type ChecklistQuestion } from './questions';

/**
 * The user's answers to the manual checklist, keyed by `section/question`.
 *
 * A question can be ticked off ("Erledigt") with or without an answer; an answer alone does not
 * tick it, because choosing "Ja" is not the same as having done what the advice says.
 */
export interface ChecklistAnswer {
  choice?: string;
  done: boolean;
}

export type ChecklistAnswers = Readonly<Record<string, ChecklistAnswer>>;

export function questionKey(section: SectionId, questionId: string): string {
  return `${section}/${questionId}`;
}

export interface AnsweredQuestion {
  section: SectionId;
  question: ChecklistQuestion;
  choice: ChecklistChoice | undefined;
  done: boolean;
}

/** Every question with its answer, in wizard order; unanswered ones included. */
export function answeredQuestions(answers: ChecklistAnswers): AnsweredQuestion[] {
  return SECTION_IDS.flatMap((section) =>
    CHECKLIST[section].map((question) => {
      const answer = answers[questionKey(section, question.id)];
      return {
        section,
        question,
        choice: question.choices?.find((c) => c.id === answer?.choice),
        done: answer?.done ?? false,
      };
    }),
  );
}

/** The advice the chosen answers bring, for the summary's "Was Sie tun können". */
export function chosenAdvice(answers: ChecklistAnswers): { section: SectionId; question: ChecklistQuestion; choice: ChecklistChoice & { advice: NonNullable<ChecklistChoice['advice']> } }[] {
  return answeredQuestions(answers).flatMap(({ section, question, choice }) =>
    choice?.advice ? [{ section, question, choice: { ...choice, advice: choice.advice } }] : [],
  );
}

/** One answered question as a line of the summary: section, question, answer, whether it narrows the cause down. */
export interface AnswerLine {
  key: string;
  section: SectionId | undefined;
  question: string;
  answer: string;
  notable: boolean;
}

/** The questions the user answered, telling ones first, in the catalog's words. */
export function answerLines(answers: ChecklistAnswers, lang: Lang): AnswerLine[] {
  const lines = answeredQuestions(answers).flatMap(({ section, question, choice }): AnswerLine[] =>
    choice ? [{ key: questionKey(section, question.id), section, question: question.text[lang], answer: choice.label[lang], notable: choice.notable ?? false }] : [],
  );
  return [...lines.filter((l) => l.notable), ...lines.filter((l) => !l.notable)];
}

/**
 * The checklist as plain text for a helpdesk ticket: the answers that narrow the cause down,
 * the other answers, and how many tasks were done.
 */
export function checklistText(answers: ChecklistAnswers, lang: Lang): string {
  const tr = translator(lang);
  const all = answeredQuestions(answers);
  const answered = all.filter((a) => a.choice);
  const lines = [`${tr.t('checklistText/title')}:`];
  if (answered.length === 0) lines.push(`  ${tr.t('checklistText/none')}`);
  for (const a of [...answered.filter((x) => x.choice?.notable), ...answered.filter((x) => !x.choice?.notable)]) {
    lines.push(`  - ${tr.t(`section/${a.section}`)}: ${a.question.text[lang]} → ${a.choice!.label[lang]}${a.choice!.notable ? ' (!)' : ''}`);
  }
  lines.push(`  ${tr.t('checklistText/done', { done: all.filter((a) => a.done).length, total: all.length })}`);
  return lines.join('\n');
}
