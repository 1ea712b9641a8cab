import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../../shared/local-store';
import type { BillingAssumptions } from '../model/billing-totals';
import { DEFAULT_MIX } from '../model/estimate-cost';

const STORAGE_KEY = 'wolkvox.billingAssumptions.v1';
const DEFAULT: BillingAssumptions = { mix: { ...DEFAULT_MIX }, markupPercent: 0 };

function load(): BillingAssumptions {
  const saved = readStored(STORAGE_KEY) as Partial<BillingAssumptions> | undefined;
  const mix = saved?.mix;
  const valid =
    mix &&
    [mix.marketing, mix.utility, mix.authentication].every(
      (n) => typeof n === 'number' && n >= 0,
    ) &&
    mix.marketing + mix.utility + mix.authentication > 0;
  const markup = saved?.markupPercent;
  return {
    mix: valid ? mix : DEFAULT.mix,
    markupPercent: typeof markup === 'number' && markup >= 0 && markup <= 1000 ? markup : 0,
  };
}

/** The supervisor's assumed template mix and provider markup, remembered in this browser. */
export function useBillingAssumptions() {
  const [value, setValue] = useState(load);
  const update = useCallback((patch: Partial<BillingAssumptions>) => {
    setValue((current) => {
      const next = { ...current, ...patch };
      writeStored(STORAGE_KEY, next);
      return next;
    });
  }, []);
  return [value, update] as const;
}
