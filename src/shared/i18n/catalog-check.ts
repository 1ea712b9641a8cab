import type { PlaceholdersOf, ShapeOf } from './message-format';
import type { English } from './messages-en';

/** Every key of the English catalog, each a template or plural forms as in English. */
export type CatalogShape = { [K in keyof English]: ShapeOf<English[K]> };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The keys of a translation whose placeholders differ from the English ones. */
export type PlaceholderMismatches<T extends CatalogShape> = {
  [K in keyof English]: Same<PlaceholdersOf<T[K]>, PlaceholdersOf<English[K]>> extends true
    ? never
    : K;
}[keyof English];

/**
 * `true` when every placeholder matches, else the keys that differ: assigning `true` to it
 * fails typecheck and names them.
 */
export type PlaceholdersMatch<T extends CatalogShape> = [PlaceholderMismatches<T>] extends [never]
  ? true
  : PlaceholderMismatches<T>;
