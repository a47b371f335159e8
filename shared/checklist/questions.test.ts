import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../model/sections';
import { answeredQuestions, checklistText, chosenAdvice, questionKey } from './answers';
import { checklistAnswersSchema } from './answers-schema';
import { CHECKLIST } from './questions';

const texts = (t: { de: string; en: string }) => [t.de, t.en];

describe('the manual checklist', () => {
  it('asks at least one question in every section of the wizard', () => {
    expect(Object.keys(CHECKLIST).sort()).toEqual([...SECTION_IDS].sort());
    for (const section of SECTION_IDS) expect(CHECKLIST[section].length, section).toBeGreaterThan(0);
  });

  it('has unique kebab-case ids per section and per question', () => {
    for (const section of SECTION_IDS) {
      const ids = CHECKLIST[section].map((q) => q.id);
      expect(new Set(ids).size, section).toBe(ids.length);
      for (const question of CHECKLIST[section]) {
        expect(question.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        const choices = (question.choices ?? []).map((c) => c.id);
        expect(new Set(choices).size, `${section}/${question.id}`).toBe(choices.length);
        for (const c of choices) expect(c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    }
  });

  it('words every text in German and English, and differently', () => {
    for (const section of SECTION_IDS) {
      for (const q of CHECKLIST[section]) {
        const all = [q.text, q.help, ...(q.choices ?? []).flatMap((c) => [c.label, c.advice])].filter((t) => t !== undefined);
        for (const t of all) {
          const [de, en] = texts(t);
          expect(de!.trim().length, `${section}/${q.id}`).toBeGreaterThan(1);
          expect(en!.trim().length, `${section}/${q.id}`).toBeGreaterThan(1);
        }
        expect(q.text.de).not.toBe(q.text.en);
      }
    }
  });

  it('tells "only this PC" and "the whole floor" apart in the physical section', () => {
    const scope = CHECKLIST.physical.find((q) => q.id === 'scope')!;
    const pc = scope.choices!.find((c) => c.id === 'this-pc')!.advice!.de;
    const floor = scope.choices!.find((c) => c.id === 'floor')!.advice!.de;
    expect(pc).toMatch(/Kabel/);
    expect(floor).toMatch(/Etage/);
    expect(pc).not.toBe(floor);
  });
});

describe('answers', () => {
  const answers = {
    [questionKey('physical', 'scope')]: { choice: 'floor', done: true },
    [questionKey('vpn', 'vpn-running')]: { choice: 'no', done: false },
    [questionKey('physical', 'cable-seated')]: { done: true },
  };

  it('collects the advice of the chosen answers in wizard order', () => {
    const advice = chosenAdvice(answers);
    expect(advice.map((a) => `${a.section}/${a.question.id}/${a.choice.id}`)).toEqual(['physical/scope/floor', 'vpn/vpn-running/no']);
  });

  it('writes the answers for a ticket, the telling ones first', () => {
    const text = checklistText(answers, 'de');
    expect(text).toContain('Angaben aus der Checkliste');
    expect(text).toContain('Alle auf der Etage oder im Raum (!)');
    expect(text.indexOf('Etage')).toBeLessThan(text.indexOf('VPN'));
    const total = answeredQuestions({}).length;
    expect(text).toContain(`2 von ${total} Punkten erledigt`);
    expect(checklistText({}, 'en')).toContain('no answers');
  });

  it('validates answers as they travel, bounded', () => {
    expect(checklistAnswersSchema.safeParse(answers).success).toBe(true);
    expect(checklistAnswersSchema.safeParse({ 'physical/scope': { choice: '<script>', done: true } }).success).toBe(false);
    expect(checklistAnswersSchema.safeParse({ 'physical/scope': { done: 'yes' } }).success).toBe(false);
  });
});
