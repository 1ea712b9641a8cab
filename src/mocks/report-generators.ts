import type { ReportNumber } from '../report-model/catalog';
import { DAY } from '../report-model/time-range';
import { dayUniverse, type UniverseChat } from './chat-universe';
import { emailFor, hms, personName, secondOfDay, wireDateTime } from './fake-values';
import type { Random } from './random';
import {
  ACTIVITY_CODES,
  AGENT_LINES,
  AGENTS,
  ATTACHMENTS,
  CUSTOMER_LINES,
  OPERATION,
} from './vocabulary';
import { createRandom, hashSeed } from './random';

/** A wire row (every value a string, as the API sends it) and the instant the API filters on. */
export interface TimedRow {
  at: number;
  row: Record<string, unknown>;
}

/** One day of a report: its seeded randomness and the operation's volume that day. */
interface DayContext {
  random: Random;
  day: number;
  volume: number;
}

type DayGenerator = (context: DayContext) => TimedRow[];

const OMNI = ['Email', 'Email', 'facebook_page', 'instagram', 'twitter'] as const;

function times(
  count: number,
  random: Random,
  day: number,
  each: (at: number, i: number) => Record<string, unknown>,
): TimedRow[] {
  const out: TimedRow[] = [];
  for (let i = 0; i < count; i++) {
    const at = day + secondOfDay(random) * 1000;
    out.push({ at, row: each(at, i) });
  }
  return out;
}

const idOf = (day: number, i: number) => String(Math.floor(day / DAY) * 100_000 + i + 500_000_000);

/** Chats of the day's universe that a report lists, timed by the instant the API filters on. */
function fromUniverse(
  keep: (chat: UniverseChat) => boolean,
  at: (chat: UniverseChat) => number,
  row: (chat: UniverseChat) => Record<string, unknown>,
): DayGenerator {
  return ({ day, volume }) =>
    dayUniverse(day, volume)
      .filter(keep)
      .map((chat) => ({ at: at(chat), row: row(chat) }));
}

const handled = (chat: UniverseChat) => chat.agent !== undefined;

// "1. Chats" lists agent-handled chats and filters by their close date.
const chats = fromUniverse(
  handled,
  (c) => c.end,
  (chat) => {
    const random = createRandom(hashSeed(`chat_1|${chat.connId}`));
    return {
      conn_id: chat.connId,
      channel: chat.channel,
      date: wireDateTime(chat.start),
      date_close: wireDateTime(chat.end),
      customer_name: chat.customer.name,
      customer_email: chat.customer.email,
      customer_phone: chat.customer.phone,
      // A real export now and then carries text where a count belongs; the client must keep it.
      customer_chars: random.chance(0.002) ? 'N/A' : String(random.int(20, 1800)),
      agent_id: chat.agent!.id,
      agent_name: chat.agent!.name,
      agent_chars: String(random.int(40, 2600)),
      time_on_agent: hms(chat.timedOut ? random.int(60, 600) : Math.round(chat.withAgent * 0.8)),
      // Seconds, as the API documents this column (other durations come as HH:MM:SS).
      chat_duration: String(chat.onBot + chat.withAgent),
      cod_act: chat.code!.code,
      description_cod_act: chat.code!.description,
      comments: random.chance(0.3) ? 'Cliente solicita "devolución", revisar, urgente' : '',
      customer_id: chat.customer.id,
      skill_id: String(random.pick([201, 202, 305])),
      asa: hms(random.int(3, 240)),
      agent_average_response_time: hms(random.int(10, 180)),
      transfer: chat.transferredTo ? 'yes' : 'no',
      last_participant_who_spoke: random.pick(['agent', 'chat-bot', 'customer']),
      extra_field: '',
      comment: '',
      user_id: random.digits(6),
      feeling: random.pick([
        'very negative',
        'negative',
        'neutral',
        'neutral',
        'neutral',
        'positive',
        'positive',
        'very positive',
      ]),
      // The documented misspelling, as the API's own examples send it.
      agent_anwers: String(random.int(1, 40)),
    };
  },
);

/** The transcript of a chat: the customer, the bot, then the agent. */
export function transcript(chat: UniverseChat): Record<string, string>[] {
  const random = createRandom(hashSeed(`chat_2|${chat.connId}`));
  const agent = chat.agent;
  const messages: Record<string, string>[] = [];
  let at = chat.start;
  const say = (fromCustomer: boolean, fromName: string, toName: string, message: string) => {
    messages.push({
      channel: chat.channel,
      from: fromCustomer ? 'CUSTOMER' : 'AGENT',
      from_name: fromName,
      to_name: toName,
      date: wireDateTime(at),
      message,
      customer_id: chat.customer.id,
      customer_phone: chat.customer.phone,
    });
    at = Math.min(chat.end, at + random.int(5, 120) * 1000);
  };
  const name = chat.customer.name;
  say(true, name, 'chat_bot', random.pick(CUSTOMER_LINES));
  say(
    false,
    'chat_bot',
    name,
    '¡Hola! Soy el asistente virtual. Escribe 1 para ventas, 2 para soporte.',
  );
  if (agent) {
    say(true, name, 'chat_bot', '2');
    say(
      false,
      agent.name,
      name,
      random.pick(AGENT_LINES).replace('{agent}', agent.name.split(' ')[0]!),
    );
    for (let turn = random.int(1, 4); turn > 0; turn--) {
      say(
        true,
        name,
        agent.name,
        random.chance(0.15) ? random.pick(ATTACHMENTS) : random.pick(CUSTOMER_LINES),
      );
      // The greeting was said once; later turns use the other lines.
      say(false, agent.name, name, random.pick(AGENT_LINES.slice(1)));
    }
  }
  return messages;
}

// "2. Conversations": every chat (bot-only ones too), with its messages nested.
const conversations = fromUniverse(
  () => true,
  (c) => c.end,
  (chat) => ({
    conn_id: chat.connId,
    agent_name: chat.agent?.name ?? '',
    customer_name: chat.customer.name,
    conversation: transcript(chat),
  }),
);

// "8. Agent Step Chats": every chat's bot → agent journey.
const agentStep = fromUniverse(
  () => true,
  (c) => c.end,
  (chat) => {
    const random = createRandom(hashSeed(`chat_8|${chat.connId}`));
    const toAgent = handled(chat);
    const customerChars = random.int(10, 900);
    const agentChars = toAgent ? random.int(40, 2000) : 0;
    const connector = chat.connector?.id ?? '3581';
    return {
      // Bot-only chats carry no agent conversation id, as in the API's example body.
      conn_id: toAgent ? chat.connId : '-',
      session_id: `${chat.customer.phone}.${OPERATION}.${connector}`,
      times_chatted: String(random.int(1, 30)),
      start_date: wireDateTime(chat.start),
      end_date: wireDateTime(chat.end),
      time_on_chatbot: hms(chat.onBot),
      rp_id: String(random.pick([11, 12, 13])),
      channel: chat.channel,
      go_to_agent: toAgent ? 'yes' : 'no',
      customer_phone: chat.customer.phone,
      customer_name: chat.customer.name,
      agent_id: chat.agent?.id ?? '',
      agent_name: chat.agent?.name ?? '',
      time_with_agent: hms(chat.withAgent),
      total_time: hms(chat.onBot + chat.withAgent),
      customer_chars: String(customerChars),
      agent_chars: String(agentChars),
      total_chars: String(customerChars + agentChars),
      asa: toAgent ? hms(random.int(3, 300)) : '',
      last_sender: random.pick(['agent', 'chat_bot', 'customer']),
      customer_id: chat.customer.id,
      customer_email: chat.customer.email,
    };
  },
);

/** ISO-2 of the mock markets by calling code, for business-scoped user ids. */
const ISO_BY_CALLING_CODE: Readonly<Record<string, string>> = {
  '57': 'CO',
  '52': 'MX',
  '51': 'PE',
  '56': 'CL',
  '593': 'EC',
  '54': 'AR',
  '55': 'BR',
  '507': 'PA',
  '1': 'US',
  '34': 'ES',
};

/**
 * Since mid-2026 a customer may appear by a BSUID (`CO.2026…`, docs §5.3) instead of a phone:
 * on about one day in three from 2026-07-01, about 10 % of customers (the same ones each time)
 * do; every fourth of those rows comes with an empty DESTINY (the prefix names the country).
 */
function customerIdOf(chat: UniverseChat): { id: string; destiny: string } {
  const { phone } = chat.customer;
  const destiny = chat.market.destiny;
  const day = wireDateTime(chat.start).slice(0, 10);
  if (day < '2026-07-01' || hashSeed(`bsuid-day|${day}`) % 3 !== 0) return { id: phone, destiny };
  const seed = hashSeed(`bsuid|${phone}`);
  const iso = ISO_BY_CALLING_CODE[chat.market.code];
  if (seed % 10 !== 0 || iso === undefined) return { id: phone, destiny };
  const id = `${iso}.${2026_000_000_000_000 + (seed % 1_000_000_000_000)}`;
  return { id, destiny: hashSeed(`bsuid-destiny|${chat.connId}`) % 4 === 0 ? '' : destiny };
}

// "10. Official WhatsApp Billing": every chat on an official WhatsApp connector.
const billing = fromUniverse(
  (c) => c.connector !== undefined,
  (c) => c.start,
  (chat) => {
    const { id: phone, destiny } = customerIdOf(chat);
    // A few SESSION_IDs arrive without the connector segment; the app must keep and flag them.
    const broken = hashSeed(`session|${chat.connId}`) % 500 === 0;
    return {
      conn_id: chat.connId,
      session_id: broken ? `${phone}.${OPERATION}` : `${phone}.${OPERATION}.${chat.connector!.id}`,
      date: wireDateTime(chat.start),
      customer_phone: phone,
      template: chat.template ? 'yes' : 'no',
      destiny,
    };
  },
);

// "11. Transfer of chats": handled chats passed on to another agent or a skill.
const chatTransfers = fromUniverse(
  (c) => c.transferredTo !== undefined,
  (c) => c.start + c.onBot * 1000 + 60_000,
  (chat) => {
    const from = chat.agent!;
    const to = chat.transferredTo!;
    return {
      conn_id: chat.connId,
      transfer_agent_id: from.id,
      transfer_agent_name: from.name,
      transfer_agent_dni: from.dni,
      receiver_agent_id: to === 'SKILL' ? '201' : to.id,
      receiver_agent_name: to === 'SKILL' ? 'SKILL' : to.name,
      receiver_agent_dni: to === 'SKILL' ? '' : to.dni,
      channel: chat.channel,
      date: wireDateTime(chat.start + chat.onBot * 1000 + 60_000),
    };
  },
);

const omniDetail: DayGenerator = ({ random, day, volume }) =>
  times(Math.round(volume * 0.15), random, day, (closedAt, i) => {
    const channel = random.pick(OMNI);
    const name = personName(random);
    const code = random.pick(ACTIVITY_CODES);
    return {
      channel,
      agent_name: random.pick(AGENTS).name,
      skill_id: String(random.pick([401, 402])),
      case_id: String(500_000 + Math.floor(day / DAY) * 1000 + i),
      subject:
        channel === 'Email'
          ? 'Re: Solicitud de información, pedido #' + random.int(1000, 9999)
          : name,
      from: channel === 'Email' ? emailFor(name, random) : `${random.digits(15)} ${name}`,
      to: channel === 'Email' ? 'servicio@empresa.example' : 'Empresa Demo',
      body: 'Buenas tardes,\nsolicito información sobre "mi factura".\nGracias',
      answer: 'Hola, con gusto te ayudamos. Saludos, Equipo de servicio',
      date_creation: wireDateTime(closedAt - random.int(600, 172_800) * 1000),
      close_date: wireDateTime(closedAt),
      evaluation_survey: random.chance(0.4) ? String(random.int(1, 5)) : '',
      cod_act: code.code,
      cod_description: code.description,
      comments: '',
      attachments: random.chance(0.2)
        ? 'https://storage.googleapis.com/wolkvox-demo-media/omni/adjunto.pdf'
        : '',
      status: random.pick(['close', 'close', 'close', 'open', 'archived']),
    };
  });

// "9. Interaction transfers": emails passed between agents or to a skill.
const emailTransfers: DayGenerator = ({ random, day, volume }) =>
  times(Math.round(volume * 0.05), random, day, (at, i) => {
    const from = random.pick(AGENTS);
    const toSkill = random.chance(0.3);
    const to = random.pick(AGENTS.filter((agent) => agent.id !== from.id));
    return {
      conn_id: idOf(day, i),
      transfer_agent_id: from.id,
      transfer_agent_name: from.name,
      receiver_agent_id: toSkill ? '201' : to.id,
      receiver_agent_name: toSkill ? 'SKILL' : to.name,
      channel: 'email',
      date: wireDateTime(at),
    };
  });

const emailsSent: DayGenerator = ({ random, day, volume }) =>
  times(Math.round(volume * 0.1), random, day, (at, i) => {
    const agent = random.pick(AGENTS);
    const name = personName(random);
    const code = random.pick(ACTIVITY_CODES);
    return {
      conn_id: idOf(day, i),
      agent_id: agent.id,
      agent_name: agent.name,
      channel: 'email',
      from: 'servicio@empresa.example',
      to: emailFor(name, random),
      subject: `Respuesta a su solicitud #${random.int(1000, 9999)}`,
      body: `Estimado(a) ${name},\nadjuntamos la información solicitada.\nCordialmente`,
      date: wireDateTime(at),
      cod_act: code.code,
      description_cod_act: code.description,
    };
  });

const clickDetail: DayGenerator = ({ random, day, volume }) =>
  times(Math.round(volume * 0.08), random, day, (at, i) => {
    const ad = random.chance(0.7);
    const sourceId = String(random.pick([120_208_811, 120_208_812, 120_209_004]));
    return {
      source_url: ad ? `https://fb.me/ad/${sourceId}` : `https://www.instagram.com/p/C${sourceId}/`,
      source_type: ad ? 'ad' : 'post',
      source_id: sourceId,
      chat_id: idOf(day, i),
      rp_id: String(random.pick([11, 12])),
      agent_id: random.chance(0.6) ? random.pick(AGENTS).id : '',
      media_type: random.pick(['image', 'video']),
      media_url: `https://scontent.example/media/${sourceId}.jpg`,
      date: wireDateTime(at),
      cod_act: random.chance(0.6) ? random.pick(ACTIVITY_CODES).code : '',
    };
  });

export const DETAIL_GENERATORS: Partial<Record<ReportNumber, DayGenerator>> = {
  1: chats,
  2: conversations,
  4: omniDetail,
  8: agentStep,
  9: emailTransfers,
  10: billing,
  11: chatTransfers,
  12: emailsSent,
  14: clickDetail,
};
