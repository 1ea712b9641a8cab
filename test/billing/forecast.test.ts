import { beforeEach, describe, expect, it } from 'vitest';
import { readBudget, writeBudget } from '../../src/billing/model/budget-store';
import {
  budgetSignal,
  completeDays,
  connectorForecast,
  forecastMonth,
  type DayCost,
  type Forecast,
} from '../../src/billing/model/forecast';
import { readFixture } from '../fixtures/read-fixture';

interface ForecastFixture {
  month: string;
  days: DayCost[];
  answer: Forecast;
}
const fixture = (name: string) => JSON.parse(readFixture(`forecast/${name}`)) as ForecastFixture;

describe('forecastMonth', () => {
  it.each(['two-weeks.json', 'three-weekdays.json'])('gives the known answer of %s', (name) => {
    const { month, days, answer } = fixture(name);
    expect(forecastMonth(days, month)).toEqual(answer);
  });

  it('ignores days of other months and has nothing to say without days', () => {
    expect(forecastMonth([{ day: '2026-10-31', cents: 5 }], '2026-11')).toBeUndefined();
    const one = forecastMonth(
      [
        { day: '2026-10-31', cents: 5 },
        { day: '2026-02-02', cents: 100 },
      ],
      '2026-02',
    );
    // February 2026: 28 days, every day at 100 ¢.
    expect(one).toMatchObject({ daysInMonth: 28, soFar: 100, expected: 2800, low: 2800 });
  });

  it('leaves out today, still running', () => {
    const days = [
      { day: '2026-11-27', cents: 1 },
      { day: '2026-11-28', cents: 2 },
      { day: '2026-11-29', cents: 3 },
    ];
    expect(completeDays(days, '2026-11-29').map((d) => d.day)).toEqual([
      '2026-11-27',
      '2026-11-28',
    ]);
  });
});

describe('budget', () => {
  beforeEach(() => localStorage.clear());

  it('signals a forecast passing the budget', () => {
    const forecast = { expected: 23250, high: 24600 };
    expect(budgetSignal(forecast, 23000)).toBe('over');
    expect(budgetSignal(forecast, 24000)).toBe('atRisk');
    expect(budgetSignal(forecast, 25000)).toBe('within');
    expect(budgetSignal(forecast, 24600)).toBe('within');
  });

  it("scales the operation's forecast by a connector's share so far", () => {
    const { answer } = fixture('two-weeks.json');
    // 2,750 of 11,000 so far: a quarter.
    expect(connectorForecast(answer, 2750)).toEqual({
      soFar: 2750,
      low: 5475,
      expected: 5813,
      high: 6150,
    });
  });

  it('is remembered, and a damaged one is ignored', () => {
    writeBudget({ operation: 50000, connectors: { c1: 1000 } });
    expect(readBudget()).toEqual({ operation: 50000, connectors: { c1: 1000 } });
    localStorage.setItem('wolkvox.billingBudget.v1', '{"operation":"x","connectors":{"c1":-1}}');
    expect(readBudget()).toEqual({ connectors: {} });
  });
});
