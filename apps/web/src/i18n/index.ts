import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCatalog from './en.json';
import esMX from './es-MX.json';

// Both catalogs must carry the same keys: a key missing in English fails the type check here.
const en: typeof esMX = enCatalog;

export const defaultNS = 'translation';
export const resources = {
  'es-MX': { translation: esMX },
  en: { translation: en },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: 'es-MX',
  fallbackLng: 'es-MX',
  defaultNS,
  interpolation: { escapeValue: false },
});

export default i18n;
