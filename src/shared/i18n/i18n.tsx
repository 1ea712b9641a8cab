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
import {
  formatMessage,
  formattersFor,
  type Message,
  type PlaceholdersOf,
  type VarsFor,
} from './message-format';
import { en, type English, type MessageKey } from './messages-en';
import { es } from './messages-es';

export type { MessageKey } from './messages-en';
export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];
/** The one catalog of UI strings: every message in each language. */
export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, Message>>>> = {
  en,
  es,
};
const STORAGE_KEY = 'wolkvox.language';

/** The values a message takes: none, or every placeholder (a number `count` for plurals). */
export type VarsOf<K extends MessageKey> = VarsFor<English[K]>;
type VarsArgs<K extends MessageKey> = [PlaceholdersOf<English[K]>] extends [never]
  ? []
  : [vars: VarsOf<K>];

/** A message in the current language, placeholders filled, plural form picked by `count`. */
export type Translate = <K extends MessageKey>(key: K, ...vars: VarsArgs<K>) => string;

/** A translator for a language; `locale` picks digits and plural rules (default: neutral). */
export function translator(
  language: Language,
  locale: string = neutralLocale(language),
): Translate {
  const formatters = formattersFor(locale);
  const messages = MESSAGES[language];
  return (key, ...vars) =>
    formatMessage(
      messages[key],
      vars[0] as Record<string, string | number> | undefined,
      formatters,
    );
}

/** The remembered choice, else the browser's language, else English. */
export function initialLanguage(): Language {
  const saved = readStored(STORAGE_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function neutralLocale(language: Language): string {
  return language === 'es' ? 'es-419' : 'en-US';
}

/**
 * The Intl locale: the browser's own regional variant when it speaks the chosen
 * language (es-CO groups digits 1.234, es-MX 1,234), else a neutral one.
 */
function intlLocale(language: Language): string {
  const browser = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
  if (browser.toLowerCase().startsWith(language)) return browser;
  return neutralLocale(language);
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
  locale: forcedLocale,
}: {
  children: ReactNode;
  language?: Language;
  /** A regional locale for Intl (e.g. es-CO in a test); default: the browser's, if it fits. */
  locale?: string;
}) {
  const [language, setLanguageState] = useState<Language>(() => forced ?? initialLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    writeStored(STORAGE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'es' ? 'es-419' : 'en';
  }, [language]);
  const value = useMemo<I18nValue>(() => {
    const locale = forcedLocale ?? intlLocale(language);
    return { language, locale, setLanguage, t: translator(language, locale) };
  }, [language, forcedLocale, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
