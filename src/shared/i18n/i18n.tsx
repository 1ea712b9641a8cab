import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { readStored, writeStored } from '../local-store';
import { en, type MessageKey } from './messages-en';
import { es } from './messages-es';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];
const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, es };
const STORAGE_KEY = 'wolkvox.language';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(
  language: Language,
  key: MessageKey,
  vars?: Record<string, string | number>,
) {
  const template = MESSAGES[language][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

/** The remembered choice, else the browser's language, else English. */
export function initialLanguage(): Language {
  const saved = readStored(STORAGE_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/**
 * The Intl locale: the browser's own regional variant when it speaks the chosen
 * language (es-CO groups digits 1.234, es-MX 1,234), else a neutral one.
 */
function intlLocale(language: Language): string {
  const browser = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
  if (browser.toLowerCase().startsWith(language)) return browser;
  return language === 'es' ? 'es-419' : 'en-US';
}

interface I18nValue {
  language: Language;
  /** BCP 47 locale for Intl: Latin American Spanish or English. */
  locale: string;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  children,
  language: forced,
}: {
  children: ReactNode;
  language?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => forced ?? initialLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    writeStored(STORAGE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'es' ? 'es-419' : 'en';
  }, [language]);
  const value = useMemo<I18nValue>(
    () => ({
      language,
      locale: intlLocale(language),
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
