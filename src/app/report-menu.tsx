import { useI18n } from '../shared/i18n/i18n';
import { REPORT_GROUP, REPORTS, reportTitle, type ReportDef } from '../report-model/catalog';
import { reportPath } from '../report-model/view-state';
import { navigate } from '../shared/router';

interface ReportMenuProps {
  current?: ReportDef;
  /** Query string to carry over (the date range), so switching report keeps the period. */
  carry: string;
}

/** "Reports > Interactions and Chats", numbered as wolkvox Manager numbers them. */
export function ReportMenu({ current, carry }: ReportMenuProps) {
  const { t, language } = useI18n();
  return (
    <nav id="report-menu" className="report-menu" aria-label={t('menu.label')}>
      <h2>{t('menu.label')}</h2>
      <h3 id="group-heading">{REPORT_GROUP.name[language]}</h3>
      <ul aria-labelledby="group-heading">
        {REPORTS.map((report) => {
          const href = reportPath(report) + carry;
          return (
            <li key={report.number}>
              <a
                href={href}
                aria-current={current?.number === report.number ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
                    return;
                  event.preventDefault();
                  navigate(href);
                }}
              >
                {reportTitle(report, language)}
              </a>
            </li>
          );
        })}
      </ul>
      <a
        className="settings-link"
        href="/settings"
        aria-current={window.location.pathname === '/settings' ? 'page' : undefined}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          navigate('/settings' + carry);
        }}
      >
        ⚙ {t('settings.link')}
      </a>
    </nav>
  );
}
