import type { ReportNumber } from '../report-model/catalog';
import { toIsoDate } from '../report-model/time-range';
import { hms } from './fake-values';
import type { Random } from './random';
import { ACTIVITY_CODES, AGENTS } from './vocabulary';

/** One day of an aggregate report, already scaled to the part of the day in the range. */
export interface DayShare {
  day: number;
  random: Random;
  /** Interactions of that day that fall inside the requested range. */
  volume: number;
}

type WireRow = Record<string, string>;
type AggregateGenerator = (days: readonly DayShare[]) => WireRow[];

/** Splits a volume across buckets with seeded weights, so totals add up exactly. */
function spread<T>(random: Random, volume: number, buckets: readonly T[]): Map<T, number> {
  const weights = buckets.map(() => 0.3 + random.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Map<T, number>();
  let left = volume;
  buckets.forEach((bucket, i) => {
    const share = i === buckets.length - 1 ? left : Math.round((volume * weights[i]!) / total);
    const value = Math.min(left, share);
    out.set(bucket, value);
    left -= value;
  });
  return out;
}

function sumBy<T>(days: readonly DayShare[], buckets: readonly T[], scale = 1) {
  const totals = new Map<T, { count: number; seconds: number }>();
  for (const bucket of buckets) totals.set(bucket, { count: 0, seconds: 0 });
  for (const { random, volume } of days) {
    for (const [bucket, count] of spread(random, Math.round(volume * scale), buckets)) {
      const total = totals.get(bucket)!;
      total.count += count;
      total.seconds += count * random.int(240, 1500);
    }
  }
  return totals;
}

const OMNI = ['Email', 'facebook_page', 'instagram', 'twitter'] as const;
const CHAT = ['facebook', 'instagram', 'web', 'whatsapp'] as const;
const nonZero = (rows: WireRow[], key: string) => rows.filter((row) => row[key] !== '0');

export const AGGREGATE_GENERATORS: Partial<Record<ReportNumber, AggregateGenerator>> = {
  3: (days) =>
    nonZero(
      [...sumBy(days, OMNI, 0.15)].map(([channel, { count, seconds }]) => ({
        channel,
        interactions: String(count),
        closing_time: hms(seconds),
      })),
      'interactions',
    ),
  5: (days) =>
    nonZero(
      [...sumBy(days, AGENTS, 0.15)].map(([agent, { count, seconds }]) => ({
        agent_name: agent.name,
        interactions: String(count),
        close_time: hms(seconds),
      })),
      'interactions',
    ),
  6: (days) =>
    days
      .map(({ day, random, volume }) => {
        const count = Math.round(volume * 0.15);
        return {
          date: toIsoDate(day),
          interactions: String(count),
          close_time: hms(count * random.int(300, 1200)),
        };
      })
      .filter((row) => row.interactions !== '0'),
  7: (days) => {
    const pairs = AGENTS.flatMap((agent) => ACTIVITY_CODES.map((code) => ({ agent, code })));
    return nonZero(
      [...sumBy(days, pairs, 0.15)].map(([{ agent, code }, { count }]) => ({
        interactions: String(count),
        agent_name: agent.name,
        cod_act: code.code,
        description_cod_act: code.description,
      })),
      'interactions',
    );
  },
  13: (days) =>
    nonZero(
      // The key is misspelled `chanel` in the API's own example body.
      [...sumBy(days, CHAT, 0.6)].map(([channel, { count }]) => ({
        chanel: channel,
        interaction: String(count),
      })),
      'interaction',
    ),
  15: (days) => {
    const kinds = ['ad_chatbot', 'ad_agents', 'post_chatbot', 'post_agents'] as const;
    const totals = sumBy(days, kinds, 0.08);
    const get = (kind: (typeof kinds)[number]) => totals.get(kind)!.count;
    const row = {
      ad_chatbot: String(get('ad_chatbot')),
      ad_agents: String(get('ad_agents')),
      post_chatbot: String(get('post_chatbot')),
      post_agents: String(get('post_agents')),
      total_chatbot: String(get('ad_chatbot') + get('post_chatbot')),
      total_agents: String(get('ad_agents') + get('post_agents')),
    };
    return Object.values(row).every((value) => value === '0') ? [] : [row];
  },
  16: (days) => {
    const totals = sumBy(days, AGENTS, 0.6);
    const transferred = sumBy(days, AGENTS, 0.07);
    return AGENTS.flatMap((agent) => {
      const { count } = totals.get(agent)!;
      if (count === 0) return [];
      // open→close lifetime: a share of chats auto-close after ~23 h, which inflates TMO.
      const seconds = count * 900 + Math.round(count * 0.08) * 82_800;
      const moved = Math.min(count, transferred.get(agent)!.count);
      return [
        {
          agent_id: agent.id,
          agent_name: agent.name,
          total_chats: String(count),
          time: hms(seconds),
          tmo: hms(seconds / count),
          percent_transfer: ((moved / count) * 100).toFixed(2),
        },
      ];
    });
  },
};
