import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { env } from '../shared/env';
import { useI18n } from '../shared/i18n/i18n';
import { navigate } from '../shared/router';
import type { QuotaView as ServerQuota } from '../report-model/wire/server-quota';
import { LanguageSelect } from './language-select';
import { isTimeZone, useSettings, type Settings } from '../shared/settings';

const ZONES = [
  'America/Bogota',
  'America/Mexico_City',
  'America/Lima',
  'America/Guayaquil',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
  'America/Sao_Paulo',
  'America/Panama',
  'America/Caracas',
  'America/New_York',
  'Europe/Madrid',
];

interface ProxyStatus {
  mode: 'mock' | 'live';
  server?: string;
  hasToken?: boolean;
  /** Behind the production server: who is signed in, and how to sign out (null: no sign-in). */
  user?: string | null;
  signOut?: { method: 'GET' | 'POST'; url: string } | null;
  /** Behind the production server: the token's quota as it knows it (server/README.md). */
  quota?: ServerQuota;
}

/** Everything a supervisor may set, in one place; and what the app is connected to. */
export function SettingsPage() {
  const { t } = useI18n();
  const { settings, update } = useSettings();
  const [zone, setZone] = useState(settings.timeZone);
  const status = useQuery({
    queryKey: ['proxy-status'],
    queryFn: async (): Promise<ProxyStatus> => {
      const response = await fetch('/wolkvox-proxy/status');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as ProxyStatus;
    },
    enabled: !env.apiMocking,
  });

  return (
    <section className="settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="settings-grid">
        <label>
          {t('settings.timeZone')}
          <input
            list="time-zones"
            value={zone}
            onChange={(event) => {
              setZone(event.target.value);
              if (isTimeZone(event.target.value)) update({ timeZone: event.target.value });
            }}
            aria-invalid={!isTimeZone(zone)}
            aria-describedby="zone-help"
          />
          <datalist id="time-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <small id="zone-help">
            {isTimeZone(zone) ? t('settings.timeZoneHelp') : t('settings.timeZoneInvalid')}
          </small>
        </label>
        <label>
          {t('settings.delimiter')}
          <select
            value={settings.csvDelimiter}
            onChange={(event) =>
              update({ csvDelimiter: event.target.value as Settings['csvDelimiter'] })
            }
          >
            <option value="auto">{t('settings.delimiterAuto')}</option>
            <option value=",">{t('export.comma')} (,)</option>
            <option value=";">{t('export.semicolon')} (;)</option>
          </select>
        </label>
        <LanguageSelect />
        <p>
          <a
            href="/settings/rate-card"
            onClick={(event) => {
              event.preventDefault();
              navigate('/settings/rate-card');
            }}
          >
            {t('settings.rateCard')}
          </a>{' '}
          — {t('settings.rateCardHelp')}
        </p>
        <div className="settings-status">
          <h2>{t('settings.connection')}</h2>
          {env.apiMocking ? (
            <p>{t('settings.mockMode')}</p>
          ) : status.data ? (
            <p>
              {t('settings.liveMode', { server: status.data.server ?? '?' })}{' '}
              {status.data.hasToken ? t('settings.tokenSet') : t('settings.tokenMissing')}
            </p>
          ) : (
            <p>{status.isError ? t('settings.statusUnknown') : '…'}</p>
          )}
          {status.data?.user ? (
            <SignedIn user={status.data.user} signOut={status.data.signOut} />
          ) : null}
          {status.data?.quota ? (
            <QuotaPanel
              quota={status.data.quota}
              timeZone={settings.timeZone}
              onRead={() => void status.refetch()}
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}

/** Who is signed in (production server), and Sign out: a form post, or the sign-in proxy's link. */
function SignedIn({ user, signOut }: { user: string; signOut: ProxyStatus['signOut'] }) {
  const { t } = useI18n();
  return (
    <div className="signed-in">
      <p>{t('settings.signedInAs', { user })}</p>
      {signOut?.method === 'POST' ? (
        <form method="post" action={signOut.url}>
          <button type="submit">{t('settings.signOut')}</button>
        </form>
      ) : signOut ? (
        <a href={signOut.url}>{t('settings.signOut')}</a>
      ) : null}
    </div>
  );
}

/**
 * The token's daily quota as the production server knows it: its own calls today, and
 * wolkvox's figures when read (on demand: `token_info` itself costs a call).
 */
function QuotaPanel({
  quota,
  timeZone,
  onRead,
}: {
  quota: ServerQuota;
  timeZone: string;
  onRead: () => void;
}) {
  const { t, locale } = useI18n();
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<string>();
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const read = async () => {
    setReading(true);
    setFailure(undefined);
    try {
      const response = await fetch('/wolkvox/api/v2/information.php?api=token_info');
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { msg?: unknown };
        setFailure(typeof body.msg === 'string' ? body.msg : `HTTP ${response.status}`);
      }
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
      onRead();
    }
  };
  return (
    <div className="quota">
      <h3>{t('settings.quotaTitle')}</h3>
      {quota.exhausted && (
        <p role="alert">{t('settings.quotaExhausted', { time: time(quota.resetsAt) })}</p>
      )}
      <p>
        {quota.limit !== null && quota.usedToday !== null && quota.left !== null && quota.readAt
          ? t('settings.quotaUsed', {
              used: quota.usedToday,
              limit: quota.limit,
              left: quota.left,
              time: time(quota.readAt),
            })
          : t('settings.quotaNotRead')}
      </p>
      <p>
        {t('settings.quotaServerCalls', {
          day: quota.day,
          zone: quota.timeZone,
          calls: quota.callsToday,
        })}
      </p>
      {failure && <p role="alert">{t('settings.quotaReadFailed', { error: failure })}</p>}
      <button type="button" onClick={() => void read()} disabled={reading}>
        {t('settings.quotaRead')}
      </button>
    </div>
  );
}
