import type { ReportNumber } from '../reports/catalog';
import { DAY } from '../reports/time-range';
import {
  emailFor,
  hms,
  personName,
  phoneIn,
  pickMarket,
  secondOfDay,
  wireDateTime,
} from './fake-values';
import type { Random } from './random';
import {
  ACTIVITY_CODES,
  AGENT_LINES,
  AGENTS,
  ATTACHMENTS,
  CONNECTORS,
  CUSTOMER_LINES,
  OPERATION,
} from './vocabulary';

/** A wire row (every value a string, as the API sends it) and the instant the API filters on. */
export interface TimedRow {
  at: number;
  row: Record<string, unknown>;
}

type DayGenerator = (random: Random, day: number, count: number) => TimedRow[];

/** Share of the operation's daily volume each detail report carries. */
export const VOLUME_SHARE: Partial<Record<ReportNumber, number>> = {
  1: 0.6,
  2: 0.2,
  4: 0.15,
  8: 0.5,
  9: 0.05,
  10: 1,
  11: 0.1,
  12: 0.1,
  14: 0.08,
};

const CHAT_CHANNEL_WEIGHTS = [
  'whatsapp',
  'whatsapp',
  'whatsapp',
  'whatsapp',
  'web',
  'facebook',
  'instagram',
] as const;
const FEELINGS = [
  'very negative',
  'negative',
  'neutral',
  'neutral',
  'neutral',
  'positive',
  'positive',
  'very positive',
] as const;
const OMNI = ['Email', 'Email', 'facebook_page', 'instagram', 'twitter'] as const;

const connId = (day: number, i: number) =>
  String(Math.floor(day / DAY) * 100_000 + i + 10_000_000_000);

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

/** How long a chat lived: mostly minutes, sometimes the ~23 h auto-close of an untypified chat. */
function chatLifetime(random: Random): { seconds: number; timedOut: boolean } {
  if (random.chance(0.08)) return { seconds: 82_800 + random.int(-600, 600), timedOut: true };
  return { seconds: random.int(90, 2400), timedOut: false };
}

const chats: DayGenerator = (random, day, count) =>
  times(count, random, day, (closedAt, i) => {
    const life = chatLifetime(random);
    const agent = random.pick(AGENTS);
    const market = pickMarket(random);
    const name = personName(random);
    const code = life.timedOut
      ? { code: 'TIMEOUTCHAT', description: 'Cierre por inactividad' }
      : random.pick(ACTIVITY_CODES);
    const onAgent = life.timedOut ? random.int(60, 600) : Math.round(life.seconds * 0.7);
    return {
      conn_id: connId(day, i),
      channel: random.pick(CHAT_CHANNEL_WEIGHTS),
      date: wireDateTime(closedAt - life.seconds * 1000),
      date_close: wireDateTime(closedAt),
      customer_name: name,
      customer_email: random.chance(0.6) ? emailFor(name, random) : '',
      customer_phone: phoneIn(random, market),
      // A real export now and then carries text where a count belongs; the client must keep it.
      customer_chars: random.chance(0.002) ? 'N/A' : String(random.int(20, 1800)),
      agent_id: agent.id,
      agent_name: agent.name,
      agent_chars: String(random.int(40, 2600)),
      time_on_agent: hms(onAgent),
      chat_duration: String(life.seconds),
      cod_act: code.code,
      description_cod_act: code.description,
      comments: random.chance(0.3) ? 'Cliente solicita "devolución", revisar, urgente' : '',
      customer_id: random.digits(10),
      skill_id: String(random.pick([201, 202, 305])),
      asa: hms(random.int(3, 240)),
      agent_average_response_time: hms(random.int(10, 180)),
      transfer: random.chance(0.12) ? 'yes' : 'no',
      last_participant_who_spoke: random.pick(['agent', 'chat-bot', 'customer']),
      extra_field: '',
      comment: '',
      user_id: random.digits(6),
      feeling: random.pick(FEELINGS),
      // The documented misspelling, as the API's own examples send it.
      agent_anwers: String(random.int(1, 40)),
    };
  });

const conversations: DayGenerator = (random, day, count) =>
  times(count, random, day, (startedAt, i) => {
    const agent = random.pick(AGENTS);
    const customer = personName(random);
    const phone = phoneIn(random, pickMarket(random));
    const customerId = random.digits(10);
    const channel = random.pick(CHAT_CHANNEL_WEIGHTS);
    const conversation = [];
    let at = startedAt;
    const messages = random.int(3, 9);
    for (let m = 0; m < messages; m++) {
      const fromCustomer = m % 2 === 0;
      const bot = m === 1 && random.chance(0.5);
      const line = fromCustomer
        ? random.chance(0.1)
          ? random.pick(ATTACHMENTS)
          : random.pick(CUSTOMER_LINES)
        : random.pick(AGENT_LINES).replace('{agent}', agent.name.split(' ')[0]!);
      conversation.push({
        channel,
        from: fromCustomer ? 'CUSTOMER' : 'AGENT',
        from_name: fromCustomer ? customer : bot ? 'chat_bot' : agent.name,
        to_name: fromCustomer ? (m === 0 ? 'chat_bot' : agent.name) : customer,
        date: wireDateTime(at),
        message: line,
        customer_id: customerId,
        customer_phone: phone,
      });
      at += random.int(5, 240) * 1000;
    }
    return {
      conn_id: connId(day, i),
      agent_name: agent.name,
      customer_name: customer,
      conversation,
    };
  });

const omniDetail: DayGenerator = (random, day, count) =>
  times(count, random, day, (closedAt, i) => {
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
      attachments: random.chance(0.2) ? 'https://files.wolkvox.example/omni/adjunto.pdf' : '',
      status: random.pick(['close', 'close', 'close', 'open', 'archived']),
    };
  });

const agentStep: DayGenerator = (random, day, count) =>
  times(count, random, day, (endAt, i) => {
    const toAgent = random.chance(0.55);
    const agent = random.pick(AGENTS);
    const market = pickMarket(random);
    const phone = phoneIn(random, market);
    const connector = random.pick(CONNECTORS);
    const onBot = random.int(20, 600);
    const withAgent = toAgent ? random.int(60, 2400) : 0;
    const customerChars = random.int(10, 900);
    const agentChars = toAgent ? random.int(40, 2000) : 0;
    const name = personName(random);
    return {
      // Bot-only chats carry no agent conversation id, as in the API's example body.
      conn_id: toAgent ? connId(day, i) : '-',
      session_id: `${phone}.${OPERATION}.${connector.id}`,
      times_chatted: String(random.int(1, 30)),
      start_date: wireDateTime(endAt - (onBot + withAgent) * 1000),
      end_date: wireDateTime(endAt),
      time_on_chatbot: hms(onBot),
      rp_id: String(random.pick([11, 12, 13])),
      channel: random.pick(CHAT_CHANNEL_WEIGHTS),
      go_to_agent: toAgent ? 'yes' : 'no',
      customer_phone: phone,
      customer_name: name,
      agent_id: toAgent ? agent.id : '',
      agent_name: toAgent ? agent.name : '',
      time_with_agent: hms(withAgent),
      total_time: hms(onBot + withAgent),
      customer_chars: String(customerChars),
      agent_chars: String(agentChars),
      total_chars: String(customerChars + agentChars),
      asa: toAgent ? hms(random.int(3, 300)) : '',
      last_sender: random.pick(['agent', 'chat_bot', 'customer']),
      customer_id: random.digits(10),
      customer_email: random.chance(0.4) ? emailFor(name, random) : '',
    };
  });

function transfers(channelOf: (random: Random) => string, withDni: boolean): DayGenerator {
  return (random, day, count) =>
    times(count, random, day, (at, i) => {
      const from = random.pick(AGENTS);
      const toSkill = random.chance(0.3);
      const to = random.pick(AGENTS.filter((agent) => agent.id !== from.id));
      return {
        conn_id: connId(day, i),
        transfer_agent_id: from.id,
        transfer_agent_name: from.name,
        ...(withDni ? { transfer_agent_dni: from.dni } : {}),
        receiver_agent_id: toSkill ? '201' : to.id,
        receiver_agent_name: toSkill ? 'SKILL' : to.name,
        ...(withDni ? { receiver_agent_dni: toSkill ? '' : to.dni } : {}),
        channel: channelOf(random),
        date: wireDateTime(at),
      };
    });
}

/** Template share moves with the connector's habit and the day (campaign days spike). */
function templateShare(connector: (typeof CONNECTORS)[number], day: number): number {
  const dayNumber = Math.floor(day / DAY);
  const wave = Math.sin(dayNumber * 0.9 + Number(connector.id)) * 0.12;
  return Math.min(0.97, Math.max(0.03, connector.templateShare + wave));
}

const billing: DayGenerator = (random, day, count) =>
  times(count, random, day, (at, i) => {
    const connector = random.pick(CONNECTORS);
    const market = pickMarket(random);
    const phone = phoneIn(random, market);
    // A few SESSION_IDs arrive without the connector segment; the app must keep and flag them.
    const session = random.chance(0.002)
      ? `${phone}.${OPERATION}`
      : `${phone}.${OPERATION}.${connector.id}`;
    return {
      conn_id: connId(day, i),
      session_id: session,
      date: wireDateTime(at),
      customer_phone: phone,
      template: random.chance(templateShare(connector, day)) ? 'yes' : 'no',
      destiny: market.destiny,
    };
  });

const emailsSent: DayGenerator = (random, day, count) =>
  times(count, random, day, (at, i) => {
    const agent = random.pick(AGENTS);
    const name = personName(random);
    const code = random.pick(ACTIVITY_CODES);
    return {
      conn_id: connId(day, i),
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

const clickDetail: DayGenerator = (random, day, count) =>
  times(count, random, day, (at, i) => {
    const ad = random.chance(0.7);
    const sourceId = String(random.pick([120_208_811, 120_208_812, 120_209_004]));
    return {
      source_url: ad ? `https://fb.me/ad/${sourceId}` : `https://www.instagram.com/p/C${sourceId}/`,
      source_type: ad ? 'ad' : 'post',
      source_id: sourceId,
      chat_id: connId(day, i),
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
  9: transfers(() => 'email', false),
  10: billing,
  11: transfers((random) => random.pick(CHAT_CHANNEL_WEIGHTS), true),
  12: emailsSent,
  14: clickDetail,
};
