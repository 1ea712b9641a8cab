import { useState } from 'react';
import { REPORT_GROUP, REPORTS, reportTitle } from '../report-model/catalog';
import { reportPath } from '../report-model/view-state';
import { useI18n } from '../shared/i18n/i18n';
import { navigate } from '../shared/router';
import { recentViews } from './recent-views';

/** Where a supervisor lands: the last views opened, and what each of the 16 reports answers. */
export function HomePage({ carry }: { carry: string }) {
  const { t, language } = useI18n();
  const [recent] = useState(recentViews);
  const follow = (href: string) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <section className="home-page" aria-labelledby="home-title">
      <h1 id="home-title">{REPORT_GROUP.name[language]}</h1>
      {recent.length > 0 && (
        <>
          <h2>{t('home.recent')}</h2>
          <ul className="recent-views">
            {recent.map(({ report, from, to }) => {
              const href = `${reportPath(report)}?from=${from}&to=${to}`;
              return (
                <li key={href}>
                  <a href={href} onClick={follow(href)}>
                    {reportTitle(report, language)}
                  </a>{' '}
                  <span className="muted">{t('home.period', { from, to })}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h2>{t('home.reports')}</h2>
      <ul className="report-cards">
        {REPORTS.map((report) => {
          const href = reportPath(report) + carry;
          return (
            <li key={report.number}>
              <a href={href} onClick={follow(href)}>
                {reportTitle(report, language)}
              </a>
              <p>{report.about[language]}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
