import { useCallback, useState } from 'react';
import { DEFAULT_MIX, type CategoryMix } from './estimate-cost';

export interface BillingAssumptions {
  mix: CategoryMix;
  markupPercent: number;
}

const STORAGE_KEY = 'wolkvox.billingAssumptions.v1';
const DEFAULT: BillingAssumptions = { mix: { ...DEFAULT_MIX }, markupPercent: 0 };

function load(): BillingAssumptions {
  try {
    const saved = JSON.parse(
      localStorage.getItem(STORAGE_KEY) ?? 'null',
    ) as Partial<BillingAssumptions> | null;
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
  } catch {
    return DEFAULT;
  }
}

/** The supervisor's assumed template mix and provider markup, remembered in this browser. */
export function useBillingAssumptions() {
  const [value, setValue] = useState(load);
  const update = useCallback((patch: Partial<BillingAssumptions>) => {
    setValue((current) => {
      const next = { ...current, ...patch };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // not remembered, still applied
      }
      return next;
    });
  }, []);
  return [value, update] as const;
}
