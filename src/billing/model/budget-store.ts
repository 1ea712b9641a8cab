import { readStored, writeStored } from '../../shared/local-store';
import type { Budget } from './forecast';

/** The supervisor's monthly budget, remembered in this browser (cents). */
export const BUDGET_KEY = 'wolkvox.billingBudget.v1';

const isCents = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function readBudget(): Budget {
  const value = readStored(BUDGET_KEY);
  const budget: Budget = { connectors: {} };
  if (typeof value !== 'object' || value === null) return budget;
  const v = value as Record<string, unknown>;
  if (isCents(v.operation) && v.operation > 0) budget.operation = v.operation;
  if (typeof v.connectors === 'object' && v.connectors !== null)
    for (const [id, cents] of Object.entries(v.connectors as Record<string, unknown>))
      if (isCents(cents) && cents > 0) budget.connectors[id] = cents;
  return budget;
}

export function writeBudget(budget: Budget): void {
  writeStored(BUDGET_KEY, budget);
}
