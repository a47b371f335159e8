import type { Lang } from '../i18n';
import type { ChecklistAnswer as StoredAnswer, ChecklistAnswers as StoredAnswers } from '../model/checklist-answers';
import { SECTION_IDS, type SectionId } from '../model/sections';
import { questionKey, type AnswerLine, type ChecklistAnswers } from './answers';
import { CHECKLIST, type ChecklistQuestion } from './questions';

/**
 * The wizard's checklist answers to and from `checklist.json` of a bundle.
 *
 * The wizard keeps `{ choice, done }` per `section/question`; the bundle stores, beside them,
 * the question and the chosen answer as they were shown, so a reader with another version of
 * the catalog still sees what was asked. Type-only imports of the bundle's model: the page uses
 * this file and must not load its schema library.
 */

/** The bundle's version of the answers file; a literal the type checks against the model's. */
const STORED_VERSION: StoredAnswers['version'] = 1;

/** The answers for `checklist.json`, in catalog order, texts in the run's language; keys the catalog does not know are dropped. */
export function toBundleAnswers(answers: ChecklistAnswers, lang: Lang): StoredAnswers {
  const stored: Record<string, StoredAnswer> = {};
  for (const section of SECTION_IDS) {
    for (const question of CHECKLIST[section]) {
      const key = questionKey(section, question.id);
      const answer = answers[key];
      if (!answer) continue;
      const choice = question.choices?.find((c) => c.id === answer.choice);
      stored[key] = {
        done: answer.done,
        ...(choice ? { choice: choice.id, choiceLabel: choice.label[lang] } : {}),
        section,
        question: question.text[lang],
      };
    }
  }
  return { version: STORED_VERSION, answers: stored };
}

/** The wizard's answers from a bundle's, for the questions (and choices) this version knows: what the read-only question cards show. */
export function fromBundleAnswers(stored: StoredAnswers | null): ChecklistAnswers {
  const answers: Record<string, { choice?: string; done: boolean }> = {};
  for (const [key, answer] of Object.entries(stored?.answers ?? {})) {
    const question = findQuestion(key);
    if (!question) continue;
    const choice = question.question.choices?.find((c) => c.id === answer.choice);
    answers[key] = { done: answer.done, ...(choice ? { choice: choice.id } : {}) };
  }
  return answers;
}

/**
 * The questions that got an answer, telling ones first, as a bundle recorded them: the stored
 * texts (what the user saw), the catalog only where the bundle has none.
 */
export function bundleAnswerLines(stored: StoredAnswers | null, lang: Lang): AnswerLine[] {
  const lines: AnswerLine[] = [];
  for (const [key, answer] of Object.entries(stored?.answers ?? {})) {
    const known = findQuestion(key);
    const choice = known?.question.choices?.find((c) => c.id === answer.choice);
    const text = answer.choiceLabel ?? choice?.label[lang] ?? answer.choice;
    if (!text) continue;
    lines.push({
      key,
      section: answer.section ?? known?.section,
      question: answer.question ?? known?.question.text[lang] ?? key,
      answer: text,
      notable: choice?.notable ?? false,
    });
  }
  return [...lines.filter((l) => l.notable), ...lines.filter((l) => !l.notable)];
}

function findQuestion(key: string): { section: SectionId; question: ChecklistQuestion } | undefined {
  const slash = key.indexOf('/');
  const section = SECTION_IDS.find((s) => s === key.slice(0, slash));
  const question = section ? CHECKLIST[section].find((q) => q.id === key.slice(slash + 1)) : undefined;
  return section && question ? { section, question } : undefined;
}
