import { z } from 'zod';
import { SECTION_IDS } from './sections';

/**
 * The user's answers to the wizard's manual checklist questions, as stored in a bundle.
 *
 * Versioned on its own (`version`), because the bundle outlives the app that wrote it. Question
 * ids are the wizard's; `question` keeps the text as it was shown, so a reader with another
 * version of the question catalog still sees what was asked.
 */
export const CHECKLIST_ANSWERS_VERSION = 1;

/** Limits that keep a hand-edited or hostile checklist.json from blowing up a viewer. */
const MAX_ANSWERS = 500;
const MAX_TEXT = 10_000;

export const checklistAnswerSchema = z.object({
  /** The "Erledigt" tick. */
  done: z.boolean(),
  /** The chosen option of a multiple-choice question (option id). */
  choice: z.string().max(MAX_TEXT).optional(),
  /** Free text the user typed. */
  note: z.string().max(MAX_TEXT).optional(),
  /** The section the question belongs to. */
  section: z.enum(SECTION_IDS).optional(),
  /** The question as shown to the user, in the language of the run. */
  question: z.string().max(MAX_TEXT).optional(),
  /** The chosen option as shown to the user. */
  choiceLabel: z.string().max(MAX_TEXT).optional(),
  answeredAt: z.iso.datetime({ offset: true }).optional(),
});

export const checklistAnswersSchema = z.object({
  version: z.literal(CHECKLIST_ANSWERS_VERSION),
  answers: z.record(z.string().min(1).max(200), checklistAnswerSchema).refine((a) => Object.keys(a).length <= MAX_ANSWERS, {
    message: `at most ${MAX_ANSWERS} answers`,
  }),
});

export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;
export type ChecklistAnswers = z.infer<typeof checklistAnswersSchema>;

/** An empty answer sheet (a run from the command line has no checklist). */
export function emptyChecklistAnswers(): ChecklistAnswers {
  return { version: CHECKLIST_ANSWERS_VERSION, answers: {} };
}
