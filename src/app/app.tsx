import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { env } from '../shared/env';
import { I18nProvider, useI18n, type Language } from '../shared/i18n/i18n';
import { ReportPage } from '../report-page/report-page';
import { reportFromPath } from '../report-model/view-state';
import { ErrorBoundary } from './error-boundary';
import { HomePage } from './home-page';
import { rememberView } from './recent-views';
import { createQueryClient } from './query-client';
import { ReportMenu } from './report-menu';
import { useLocation } from '../shared/router';
import { LanguageSelect } from './language-select';
import { SettingsProvider } from '../shared/settings';
import { SettingsPage } from './settings-page';

const RateCardPage = lazy(() => import('../billing/ui/rate-card-page'));

export function App({ queryClient, language }: { queryClient?: QueryClient; language?: Language }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <I18nProvider language={language}>
        <SettingsProvider>
          <Shell />
        </SettingsProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const report = reportFromPath(pathname);
  const carry = carryRange(search);
  const [menuOpen, setMenuOpen] = useState(false);
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  useEffect(() => {
    if (report && from && to) rememberView(report, from, to);
  }, [report, from, to]);
  // The drawer (narrow screens) closes once a page is picked.
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setMenuOpen(false);
  }

  return (
    <div
      className={menuOpen ? 'app menu-open' : 'app'}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && menuOpen) setMenuOpen(false);
      }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="report-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> {t('menu.label')}
        </button>
        <span className="brand">{t('app.title')}</span>
        <span className={`mode-badge ${env.apiMocking ? 'mock' : 'live'}`}>
          {env.apiMocking ? t('app.mockBadge') : t('app.liveBadge')}
        </span>
        <LanguageSelect className="language" />
      </header>
      <ReportMenu current={report ?? undefined} carry={carry} />
      <main id="main" tabIndex={-1}>
        {report ? (
          <ErrorBoundary
            resetKey={pathname + search}
            fallback={(error) => (
              <div className="state state-error" role="alert">
                <p>
                  <strong>{t('error.unexpected')}</strong>
                </p>
                <p className="detail">{error.message}</p>
              </div>
            )}
          >
            <ReportPage key={report.number} report={report} search={search} />
          </ErrorBoundary>
        ) : pathname === '/settings' ? (
          <SettingsPage />
        ) : pathname === '/settings/rate-card' ? (
          <Suspense fallback={<p className="state">…</p>}>
            <RateCardPage />
          </Suspense>
        ) : (
          <HomePage carry={carry} />
        )}
      </main>
    </div>
  );
}

/** Keep the period (and dev-only mock switches) when moving between reports; drop per-report sort. */
function carryRange(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['from', 'to', 'mock', 'mockRowsPerDay']) {
    const value = params.get(key);
    if (value !== null) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}
