import { describe, expect, it } from 'vitest';
import { checklistAnswersSchema } from '../model/checklist-answers';
import { answerLines } from './answers';
import { bundleAnswerLines, fromBundleAnswers, toBundleAnswers } from './bundle-answers';

const wizard = {
  'physical/scope': { choice: 'floor', done: true },
  'physical/cable-seated': { done: true },
  'physical/unknown-question': { choice: 'x', done: true },
  'nowhere/scope': { done: false },
};

describe('checklist answers to and from a bundle', () => {
  it('store the answers with the question and the answer as shown, in the run’s language, valid for checklist.json', () => {
    const stored = toBundleAnswers(wizard, 'en');
    expect(checklistAnswersSchema.safeParse(stored).success).toBe(true);
    expect(Object.keys(stored.answers)).toEqual(['physical/cable-seated', 'physical/scope']);
    expect(stored.answers['physical/scope']).toEqual({ done: true, choice: 'floor', choiceLabel: 'Everyone on the floor or in the room', section: 'physical', question: expect.stringMatching(/\?$/) as unknown });
    expect(stored.answers['physical/cable-seated']).not.toHaveProperty('choice');
  });

  it('come back as the wizard’s answers for the questions this version knows', () => {
    const stored = toBundleAnswers(wizard, 'de');
    stored.answers['physical/from-the-future'] = { done: true, choice: 'y', question: 'Neue Frage?', choiceLabel: 'Ja' };
    stored.answers['physical/scope-copy'] = { done: true };
    expect(fromBundleAnswers(stored)).toEqual({ 'physical/scope': { choice: 'floor', done: true }, 'physical/cable-seated': { done: true } });
    expect(fromBundleAnswers(null)).toEqual({});
  });

  it('list a bundle’s answers in its own words, telling ones first, questions this version does not know included', () => {
    const stored = toBundleAnswers({ 'physical/scope': { choice: 'floor', done: true }, 'vpn/vpn-running': { choice: 'no', done: false } }, 'de');
    stored.answers['physical/from-the-future'] = { done: true, choice: 'y', section: 'physical', question: 'Neue Frage?', choiceLabel: 'Ja' };
    const lines = bundleAnswerLines(stored, 'en');
    expect(lines[0]).toMatchObject({ key: 'physical/scope', answer: 'Alle auf der Etage oder im Raum', notable: true });
    expect(lines.map((l) => l.key)).toContain('physical/from-the-future');
    expect(lines.find((l) => l.key === 'physical/from-the-future')).toMatchObject({ question: 'Neue Frage?', answer: 'Ja', section: 'physical' });
  });

  it('list the wizard’s own answers the same way', () => {
    expect(answerLines(wizard, 'de')).toEqual([
      { key: 'physical/scope', section: 'physical', question: expect.any(String) as unknown, answer: 'Alle auf der Etage oder im Raum', notable: true },
    ]);
  });
});
