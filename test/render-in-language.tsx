import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider, type Language } from '../src/shared/i18n/i18n';

/**
 * Renders a component inside the app's I18nProvider, as the app does: English by default,
 * or a language and a regional Intl locale (e.g. es / es-CO).
 */
export function renderIn(
  ui: ReactElement,
  {
    language = 'en',
    locale,
    ...options
  }: { language?: Language; locale?: string } & RenderOptions = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider language={language} locale={locale ?? (language === 'en' ? 'en-US' : undefined)}>
      {children}
    </I18nProvider>
  );
  return render(ui, { wrapper, ...options });
}
