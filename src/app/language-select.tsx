import { LANGUAGES, useI18n, type Language } from '../shared/i18n/i18n';

const NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** The language picker, each language named in itself. */
export function LanguageSelect({ className }: { className?: string }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className={className}>
      <span className="language-name">{t('language.label')}</span>
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
