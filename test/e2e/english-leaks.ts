import type { Page } from 'playwright-core';
import type { Message } from '../../src/shared/i18n/message-format';
import { en } from '../../src/shared/i18n/messages-en';
import { es } from '../../src/shared/i18n/messages-es';

/**
 * The English texts of the catalog that have a different Spanish text, as patterns a page's
 * visible text is searched for. A placeholder matches any text. Short templates whose fixed
 * part is one small word ("{from} to {to}", "+{count} more") cannot be told from data and are
 * left out, and so are single lowercase words ("yes", "open": a data cell may read so); a short
 * text ("Connector") must be a whole text node or attribute to count.
 */
export interface EnglishPattern {
  key: string;
  english: string;
  source: string;
}

/** Placeholders that always hold a number, written in the locale's digits. */
const NUMBERS = new Set(['count', 'n', 'shown', 'total', 'rows', 'done', 'days', 'max', 'row']);
const NUMBER = '[\\d.,\\u00a0\\u202f ]+';
const ANY = '[\\s\\S]+?';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const forms = (message: Message): [string, string][] =>
  typeof message === 'string' ? [['', message]] : Object.entries(message);

export function englishPatterns(): EnglishPattern[] {
  const patterns: EnglishPattern[] = [];
  for (const [key, english] of Object.entries(en) as [keyof typeof en, Message][]) {
    const spanish: Message = es[key];
    for (const [form, text] of forms(english)) {
      const other =
        typeof spanish === 'string' ? spanish : (spanish as Record<string, string>)[form];
      if (other === text) continue;
      const parts = text.split(/\{\w+\}/);
      const names = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      const letters = parts.join('').replace(/[^A-Za-z]/g, '').length;
      // A count reads as digits; any other placeholder as any text.
      const body = parts
        .map((part, i) =>
          i === 0 ? escape(part) : (NUMBERS.has(names[i - 1]!) ? NUMBER : ANY) + escape(part),
        )
        .join('');
      let source: string;
      if (parts.length === 1) {
        // One lowercase word ("yes", "open", "today") reads as data as well (a cell "yes").
        if (/^[a-z]+$/.test(text)) continue;
        source = text.length >= 15 ? escape(text) : `^${escape(text)}$`;
      } else if (letters < 6) continue;
      else source = letters >= 15 ? body : `^${body}$`;
      patterns.push({ key: form ? `${key}.${form}` : key, english: text, source });
    }
  }
  return patterns;
}

export interface Leak {
  key: string;
  english: string;
  found: string;
}

/** Every visible text node and accessible-name attribute of the page that reads as English UI text. */
export async function findEnglish(page: Page, patterns: EnglishPattern[]): Promise<Leak[]> {
  return page.evaluate((list) => {
    const compiled = list.map((p) => ({ ...p, regex: new RegExp(p.source) }));
    const texts = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest('script, style')) continue;
      // Options of a closed select are not "visible", yet the user reads them.
      if (!parent.closest('option') && !parent.checkVisibility()) continue;
      texts.add(text.replace(/\s+/g, ' '));
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.add(value);
      }
    }
    const leaks: { key: string; english: string; found: string }[] = [];
    for (const text of texts) {
      for (const pattern of compiled) {
        if (pattern.regex.test(text))
          leaks.push({ key: pattern.key, english: pattern.english, found: text });
      }
    }
    return leaks;
  }, patterns);
}

/** Opens every <details> (chart sections, data tables, assumptions), again as new ones appear. */
export async function openAllDetails(page: Page): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const opened = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('details:not([open])')];
      for (const details of closed) (details as HTMLDetailsElement).open = true;
      return closed.length;
    });
    if (opened === 0) return;
    await page.waitForTimeout(600);
  }
}
