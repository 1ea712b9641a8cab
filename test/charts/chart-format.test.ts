import {
  durationTicks,
  fittedDurationTicks,
  formatLongDay,
  truncateTick,
  valueFormats,
} from '../../src/charts/chart-format';

describe('chart formats', () => {
  it('write counts in full and compact on the axis, by locale', () => {
    const en = valueFormats('count', 'en-US');
    expect(en.value(1234567)).toBe('1,234,567');
    expect(en.axis(1234567)).toBe('1.2M');
    expect(en.share(0.425)).toBe('42.5%');
    const es = valueFormats('count', 'es-419');
    expect(es.value(1234.5)).toBe('1,234.5');
    expect(es.axis(1500)).toMatch(/^1[.,]5\s?k$/i);
  });

  it('write durations as h:mm:ss and percents from 0–100 values', () => {
    expect(valueFormats('duration', 'en-US').value(3725.4)).toBe('1:02:05');
    expect(valueFormats('duration', 'en-US').axis(90_000)).toBe('25:00:00');
    expect(valueFormats('percent', 'en-US').value(12.345)).toBe('12.35%');
    expect(valueFormats('percent', 'en-US').axis(12.345)).toBe('12%');
  });

  it('put duration ticks on round steps', () => {
    expect(durationTicks(0)).toEqual([0, 60]);
    expect(durationTicks(47)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(durationTicks(300)).toEqual([0, 60, 120, 180, 240, 300]);
    expect(durationTicks(2_000)).toEqual([0, 600, 1_200, 1_800, 2_400]);
    expect(durationTicks(30_000)).toEqual([0, 7_200, 14_400, 21_600, 28_800, 36_000]);
    expect(durationTicks(1_000_000).length).toBeLessThanOrEqual(7);
  });

  it('write days in UTC (wall-clock dates) and cut long ticks', () => {
    expect(formatLongDay('2026-08-01', 'en-US')).toBe('Sat, Aug 1, 2026');
    expect(formatLongDay('not a day', 'en-US')).toBe('not a day');
    expect(truncateTick('Agente Eduardo Fernández de la Torre', 12)).toBe('Agente Edua…');
    expect(truncateTick('Ana')).toBe('Ana');
  });
});

describe('fittedDurationTicks', () => {
  it('fits an axis to TMO bars that a zero baseline would make look alike', () => {
    // 2:01:00 … 2:08:00: on a 0–2:30:00 axis every bar looks the same.
    const ticks = fittedDurationTicks(7260, 7680)!;
    expect(ticks[0]).toBeLessThan(7260);
    expect(ticks[0]).toBeGreaterThanOrEqual(7200 - 120);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(7680);
    expect(ticks.length).toBeLessThanOrEqual(6);
    const steps = new Set(ticks.slice(1).map((tick, i) => tick - ticks[i]!));
    expect(steps.size).toBe(1);
    expect(valueFormats('duration', 'en').axis(ticks[0]!)).toMatch(/^2:0\d:00$/);
  });

  it('keeps the zero baseline when bars differ enough, or there is nothing to fit', () => {
    expect(fittedDurationTicks(300, 3725)).toBeUndefined();
    expect(fittedDurationTicks(0, 100)).toBeUndefined();
    expect(fittedDurationTicks(500, 500)).toBeUndefined();
  });

  it('leaves the shortest bar some length when it sits on a round value', () => {
    expect(fittedDurationTicks(7200, 7500)![0]).toBeLessThan(7200);
  });
});

describe('percent formats', () => {
  it('writes percentages with the same decimals, whatever the value', () => {
    const percent = valueFormats('percent', 'en');
    expect([9.7, 14.74, 3].map(percent.value)).toEqual(['9.70%', '14.74%', '3.00%']);
    expect([0.097, 0.1474].map(percent.share)).toEqual(['9.7%', '14.7%']);
  });
});
