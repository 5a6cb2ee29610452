import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/** Every user-facing string goes through i18next (English now; more EU languages later). */
export const SUPPORTED_LANGUAGES = ['en'] as const;

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
