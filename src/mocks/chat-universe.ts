import { DAY } from '../report-model/time-range';
import { emailFor, personName, phoneIn, pickMarket, secondOfDay, type Market } from './fake-values';
import { createRandom, hashSeed } from './random';
import { ACTIVITY_CODES, AGENTS, CONNECTORS } from './vocabulary';

type Agent = (typeof AGENTS)[number];
type Connector = (typeof CONNECTORS)[number];
type ActivityCode = { code: string; description: string };

/**
 * One chat of the mock operation. Reports 1, 2, 8, 10 and 11 are views of the
 * same chats, so a CONN_ID seen in "10. Official WhatsApp Billing" opens its
 * transcript in "2. Conversations", with the same customer and phone.
 */
export interface UniverseChat {
  index: number;
  connId: string;
  channel: 'whatsapp' | 'web' | 'facebook' | 'instagram';
  /** Official WhatsApp connector (whatsapp chats only). */
  connector?: Connector;
  template: boolean;
  market: Market;
  customer: { name: string; phone: string; email: string; id: string };
  start: number;
  /** Bot part, then the agent part (0 when the bot closed it). */
  onBot: number;
  withAgent: number;
  end: number;
  agent?: Agent;
  timedOut: boolean;
  code?: ActivityCode;
  transferredTo?: Agent | 'SKILL';
}

const CHANNELS = [
  'whatsapp',
  'whatsapp',
  'whatsapp',
  'whatsapp',
  'whatsapp',
  'web',
  'facebook',
  'instagram',
] as const;

/** Template share moves with the connector's habit and the day (campaign days spike). */
function templateShare(connector: Connector, day: number): number {
  const wave = Math.sin(Math.floor(day / DAY) * 0.9 + Number(connector.id)) * 0.12;
  return Math.min(0.97, Math.max(0.03, connector.templateShare + wave));
}

const cache = new Map<string, UniverseChat[]>();

/** The chats of one day, the same for every report and every request. */
export function dayUniverse(day: number, volume: number): UniverseChat[] {
  const key = `${day}|${volume}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const random = createRandom(hashSeed(`universe|${key}`));
  const chats: UniverseChat[] = [];
  const dayNumber = Math.floor(day / DAY);
  for (let index = 0; index < volume; index++) {
    const channel = random.pick(CHANNELS);
    const connector = channel === 'whatsapp' ? random.pick(CONNECTORS) : undefined;
    const market = pickMarket(random);
    const name = personName(random);
    const toAgent = random.chance(0.6);
    const timedOut = toAgent && random.chance(0.08);
    const onBot = random.int(20, 600);
    const withAgent = !toAgent
      ? 0
      : timedOut
        ? 82_800 + random.int(-600, 600)
        : random.int(90, 2400);
    const start = day + secondOfDay(random) * 1000;
    const agent = toAgent ? random.pick(AGENTS) : undefined;
    chats.push({
      index,
      connId: String(dayNumber * 1_000_000 + index + 10_000_000_000),
      channel,
      connector,
      template: connector ? random.chance(templateShare(connector, day)) : false,
      market,
      customer: {
        name,
        phone: phoneIn(random, market),
        email: random.chance(0.6) ? emailFor(name, random) : '',
        id: random.digits(10),
      },
      start,
      onBot,
      withAgent,
      end: start + (onBot + withAgent) * 1000,
      agent,
      timedOut,
      code: !toAgent
        ? undefined
        : timedOut
          ? { code: 'TIMEOUTCHAT', description: 'Cierre por inactividad' }
          : random.pick(ACTIVITY_CODES),
      transferredTo:
        toAgent && random.chance(0.12)
          ? random.chance(0.3)
            ? 'SKILL'
            : random.pick(AGENTS.filter((a) => a.id !== agent!.id))
          : undefined,
    });
  }
  // A few days are enough: requests walk through a range day by day.
  if (cache.size > 12) cache.delete(cache.keys().next().value!);
  cache.set(key, chats);
  return chats;
}
