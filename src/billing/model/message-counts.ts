import type { CellValue, ReportRow } from '../../report-model/column-types';
import { DAY } from '../../report-model/time-range';

/**
 * Business-sent messages per chat, folded from report 2 ("Conversations", chat_2: one row per
 * message with CONN_ID, FROM = AGENT / CUSTOMER, FROM_NAME, DATE) as its answers arrive, so no
 * message row is kept (report 2 is 3–9 times larger than report 10).
 *
 * Report 2 does not say whether a business message was a template. WhatsApp only lets a
 * business send free-form messages inside the 24 h customer-service window, so: a business
 * message (an agent's or the bot's) sent less than 24 h after the customer's last message in
 * the chat is a service (non-template) message; any other business message is a template.
 * Messages are read in time order within a chat; a chat split across answers keeps its state.
 */
export interface ChatMessages {
  /** Messages per operation day (day = midnight, wall-clock ms), in day order. */
  days: number[];
  templates: number[];
  service: number[];
  /** DATE of the customer's last message so far (-Infinity before the first). */
  lastCustomer: number;
}

export interface MessageTally {
  chats: Map<string, ChatMessages>;
  /** Business messages seen, customer messages seen, rows without a usable CONN_ID or DATE. */
  businessMessages: number;
  customerMessages: number;
  unreadableRows: number;
  /** Rows of other channels (facebook, instagram, web): not WhatsApp, not priced. */
  otherChannelRows: number;
}

export function newMessageTally(): MessageTally {
  return {
    chats: new Map(),
    businessMessages: 0,
    customerMessages: 0,
    unreadableRows: 0,
    otherChannelRows: 0,
  };
}

const text = (value: CellValue | undefined) =>
  typeof value === 'string' ? value.trim().toUpperCase() : '';

/** Folds one answer's rows into the tally (rows of a chat in any order within the answer). */
export function addMessages(tally: MessageTally, rows: readonly ReportRow[]): void {
  const ordered = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => {
      const channel = text(row.channel);
      if (channel !== '' && channel !== 'WHATSAPP') {
        tally.otherChannelRows++;
        return false;
      }
      const ok =
        (typeof row.conn_id === 'string' || typeof row.conn_id === 'number') &&
        String(row.conn_id).trim() !== '' &&
        typeof row.date === 'number' &&
        Number.isFinite(row.date);
      if (!ok) tally.unreadableRows++;
      return ok;
    })
    .sort((a, b) => (a.row.date as number) - (b.row.date as number) || a.index - b.index);
  for (const { row } of ordered) {
    const id = String(row.conn_id).trim();
    const at = row.date as number;
    let chat = tally.chats.get(id);
    if (!chat) {
      chat = { days: [], templates: [], service: [], lastCustomer: -Infinity };
      tally.chats.set(id, chat);
    }
    if (text(row.from) === 'CUSTOMER') {
      tally.customerMessages++;
      chat.lastCustomer = at;
      continue;
    }
    tally.businessMessages++;
    const day = Math.floor(at / DAY) * DAY;
    let k = chat.days.indexOf(day);
    if (k === -1 && chat.days.length === 0) {
      // Most chats have business messages on one day only: arrays of exactly one element (a
      // push onto an empty array reserves 17), about 250 bytes a chat instead of 660.
      chat.days = [day];
      chat.templates = [0];
      chat.service = [0];
      k = 0;
    } else if (k === -1) {
      k = chat.days.push(day) - 1;
      chat.templates.push(0);
      chat.service.push(0);
    }
    const inWindow = at - chat.lastCustomer < DAY;
    if (inWindow) chat.service[k] = (chat.service[k] as number) + 1;
    else chat.templates[k] = (chat.templates[k] as number) + 1;
  }
}
