import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/app';
import { createQueryClient } from '../src/app/query-client';
import type { Language } from '../src/shared/i18n/i18n';

/** Renders the real app at `url` with a fresh cache, as a supervisor would open it. */
export function renderApp(url: string, { language = 'en' as Language } = {}) {
  window.history.replaceState(null, '', url);
  const user = userEvent.setup();
  const queryClient = createQueryClient();
  return { user, queryClient, ...render(<App queryClient={queryClient} language={language} />) };
}
