import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_OPTIONS, i18nResources, type Lang } from '../../../shared/i18n';

/** react-i18next on the shared texts (UI and findings); German unless the user switches. */
export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    ...I18N_OPTIONS,
    lng: lang,
    initAsync: false,
    resources: i18nResources(),
    react: { useSuspense: false },
  });
  return instance;
}
