import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES, translator } from '../../src/shared/i18n/i18n';
import type { Message } from '../../src/shared/i18n/message-format';
import { en } from '../../src/shared/i18n/messages-en';
import { es } from '../../src/shared/i18n/messages-es';

const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);
const vars = (message: Message) =>
  [
    ...new Set(forms(message).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))),
  ].sort();

describe('UI messages', () => {
  it('has every key in both languages, none empty, with the same placeholders and shape', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en) as [keyof typeof en, Message][]) {
      const spanish: Message = es[key];
      for (const text of [...forms(english), ...forms(spanish)])
        expect(text.trim(), key).not.toBe('');
      expect(typeof spanish, key).toBe(typeof english);
      expect(vars(spanish), key).toEqual(vars(english));
      if (typeof english !== 'string' && typeof spanish !== 'string') {
        // Plural forms are CLDR categories, with "other" (the fallback) always there.
        for (const plural of [english, spanish]) {
          expect(Object.keys(plural), key).toContain('other');
          for (const category of Object.keys(plural))
            expect(['zero', 'one', 'two', 'few', 'many', 'other'], key).toContain(category);
        }
      }
    }
  });

  it('picks the plural form by count through Intl.PluralRules, in the locale’s digits', () => {
    const english = translator('en', 'en-US');
    const spanish = translator('es', 'es-CO');
    expect(english('transcript.messages', { count: 1 })).toBe('1 message');
    expect(english('transcript.messages', { count: 0 })).toBe('0 messages');
    expect(english('transcript.messages', { count: 1234 })).toBe('1,234 messages');
    expect(spanish('transcript.messages', { count: 1 })).toBe('1 mensaje');
    expect(spanish('transcript.messages', { count: 2 })).toBe('2 mensajes');
    // Spanish "many" (a million) falls back to the "other" form.
    expect(spanish('transcript.messages', { count: 1_000_000 })).toBe('1.000.000 mensajes');
    expect(english('load.failedPeriods', { count: 1 })).toBe('1 period could not be loaded:');
    expect(spanish('load.failedPeriods', { count: 3 })).toBe('No se pudieron cargar 3 periodos:');
  });

  it('fills placeholders: numbers in the locale’s digits, text as it is', () => {
    const spanish = translator('es', 'es-CO');
    expect(spanish('table.rowCount', { shown: 1500, count: 20000 })).toBe('1.500 de 20.000 filas');
    expect(spanish('error.apiSaid', { message: '{raw} 1234' })).toBe('wolkvox dijo: «{raw} 1234»');
  });

  it('uses only keys that exist, wherever the code calls t()', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(join(process.cwd(), 'src'));
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g))
        used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(MESSAGES.en, key).toHaveProperty([key]);
  });
});
