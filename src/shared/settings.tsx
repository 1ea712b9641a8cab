import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { readStored, writeStored } from './local-store';

export interface Settings {
  /** IANA zone of the wolkvox operation: wolkvox sends local wall-clock times. */
  timeZone: string;
  /** CSV delimiter; `auto` = semicolon when the UI is Spanish (Excel in comma-decimal locales). */
  csvDelimiter: 'auto' | ',' | ';';
}

export const DEFAULT_SETTINGS: Settings = { timeZone: 'America/Bogota', csvDelimiter: 'auto' };
const STORAGE_KEY = 'wolkvox.settings.v1';

function load(): Settings {
  const saved = (readStored(STORAGE_KEY) ?? {}) as Partial<Settings>;
  const timeZone =
    typeof saved.timeZone === 'string' && isTimeZone(saved.timeZone) ? saved.timeZone : undefined;
  const csvDelimiter =
    saved.csvDelimiter === ',' || saved.csvDelimiter === ';' ? saved.csvDelimiter : 'auto';
  return { ...DEFAULT_SETTINGS, ...(timeZone ? { timeZone } : {}), csvDelimiter };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const SettingsContext = createContext<{
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
} | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState(load);
  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      writeStored(STORAGE_KEY, next);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings() {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
