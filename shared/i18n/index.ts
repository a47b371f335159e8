import i18next from 'i18next';
import type { FindingId } from '../model/finding-catalog';
import { de } from './de';
import { en } from './en';
import { selectedNotes, type FindingTexts } from './finding-texts';
import { findingsDe, findingsEn } from './findings';

export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * One translator per language, backed by i18next.
 *
 * Keys use `/` as separator because finding ids contain dots (`findings/tls.cert-expired/title`).
 */
export interface Translator {
  lang: Lang;
  /** A message by key (`cli/progress`), with `{{placeholders}}` filled. */
  t(key: string, args?: Record<string, unknown>): string;
  /**
   * A finding's texts with its args filled in; missing texts fall back to German, then to the id.
   * The notes the args select (`note`, `lowered`) are appended to `detail`.
   */
  finding(id: FindingId, args?: Record<string, string | number>): FindingTexts;
}

/** The i18next resources of both languages (UI texts and finding texts), for every front end. */
export function i18nResources() {
  return {
    de: { translation: { ...de, findings: findingsDe } },
    en: { translation: { ...en, findings: findingsEn } },
  };
}

/** i18next options every front end shares: `/` as key separator, German fallback, no escaping (no HTML sink). */
export const I18N_OPTIONS = {
  fallbackLng: 'de',
  keySeparator: '/',
  nsSeparator: false,
  returnNull: false,
  interpolation: { escapeValue: false },
} as const;

const cache = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  const cached = cache.get(lang);
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    ...I18N_OPTIONS,
    lng: lang,
    initAsync: false,
    resources: i18nResources(),
  });
  const t = (key: string, args: Record<string, unknown> = {}): string => {
    const value: unknown = instance.t(key, args);
    return typeof value === 'string' ? value : '';
  };
  const objectAt = (key: string, args: Record<string, unknown>): unknown => instance.t(key, { ...args, returnObjects: true });
  const created: Translator = {
    lang,
    t,
    finding(id, args = {}) {
      const base = `findings/${id}`;
      const fill = (key: string) => t(`${base}/${key}`, { ...args, defaultValue: '' });
      const list = (key: string) => {
        const value = objectAt(`${base}/${key}`, { ...args, defaultValue: [] });
        return Array.isArray(value) ? value.map(String) : [];
      };
      // Notes the args select; a lowered severity must say why (see RuleHit.severity): a note of
      // that name, or the finding's single `lowered` sentence.
      const noteKeys = selectedNotes(args);
      const notes = noteKeys.map((key) => fill(`notes/${key}`));
      const loweredKey = typeof args.lowered === 'string' ? args.lowered : undefined;
      const loweredFallback = args.lowered !== undefined && (loweredKey === undefined || !fill(`notes/${loweredKey}`)) ? fill('lowered') : '';
      const detail = [fill('detail'), ...notes, loweredFallback].filter(Boolean).join(' ');
      return { title: fill('title') || id, detail, user: list('user'), admin: list('admin') };
    },
  };
  cache.set(lang, created);
  return created;
}
