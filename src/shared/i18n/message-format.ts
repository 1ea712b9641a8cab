/**
 * The message types and the one placeholder filler of the UI strings (no React here).
 *
 * A message is a template, `'{count} hidden'`, or plural forms picked by its `count`
 * through `Intl.PluralRules`: `{ one: '{count} row', other: '{count} rows' }`. A missing
 * form falls back to `other` (Spanish has `many` for a million, English never does).
 * Placeholders read `{name}`; numbers are written in the locale's digits.
 */

export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralForms;

/** `'{a} of {b}'` → `'a' | 'b'`. */
type PlaceholdersIn<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

/** The placeholders of a message; a plural message always takes `count`. */
export type PlaceholdersOf<M> = M extends string
  ? PlaceholdersIn<M>
  : M extends PluralForms
    ? 'count' | PlaceholdersIn<M[keyof M]>
    : never;

export type VarValue = string | number;

/** The values a message needs: every placeholder, and a number `count` for plurals. */
export type VarsFor<M> = M extends PluralForms
  ? { count: number } & { [N in Exclude<PlaceholdersOf<M>, 'count'>]: VarValue }
  : { [N in PlaceholdersOf<M>]: VarValue };

/** A message of the same shape: a template for a template, plural forms for plural forms. */
export type ShapeOf<M> = M extends string ? string : PluralForms;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * For a translation `T` of the catalog `E`: each message as written when its placeholders
 * match the English ones, else a string type that names the problem (so typecheck fails on
 * that key, saying why).
 */
export type MatchingPlaceholders<E, T> = {
  [K in keyof E]: K extends keyof T
    ? Same<PlaceholdersOf<T[K]>, PlaceholdersOf<E[K]>> extends true
      ? T[K]
      : `placeholders differ from English in ${K & string}`
    : never;
};

export interface Formatters {
  plural: Intl.PluralRules;
  number: Intl.NumberFormat;
}

export function formattersFor(locale: string): Formatters {
  return { plural: new Intl.PluralRules(locale), number: new Intl.NumberFormat(locale) };
}

/** The template of a message for these values: a plural form is picked by `count`. */
export function pickForm(
  message: Message,
  vars: Readonly<Record<string, VarValue>> | undefined,
  plural: Intl.PluralRules,
): string {
  if (typeof message === 'string') return message;
  const count = vars?.['count'];
  const category = typeof count === 'number' ? plural.select(count) : 'other';
  return message[category] ?? message.other;
}

/**
 * `'{n} rows'` + `{ n: 1234 }` → `'1,234 rows'`. Numbers in the locale's digits, strings
 * as they are; an unknown placeholder is left as written.
 */
export function fillPlaceholders(
  template: string,
  vars: Readonly<Record<string, VarValue>> | undefined,
  number: Intl.NumberFormat,
): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(vars, name)) return whole;
    const value = vars[name]!;
    return typeof value === 'number' ? number.format(value) : value;
  });
}

export function formatMessage(
  message: Message,
  vars: Readonly<Record<string, VarValue>> | undefined,
  formatters: Formatters,
): string {
  return fillPlaceholders(pickForm(message, vars, formatters.plural), vars, formatters.number);
}
