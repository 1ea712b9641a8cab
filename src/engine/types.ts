/** One column of a sort: most significant first in a SortSpec. */
export interface SortSpecItem {
  readonly key: string;
  /** Descending: values reversed; unparsed text and empty cells still come last. */
  readonly desc?: boolean;
}

export type SortSpec = readonly SortSpecItem[];

/**
 * A per-column filter. `values`: multi-select on the cells' string form (cellText; '' selects
 * empty cells); an empty or missing list means "no constraint". `min`/`max`: inclusive range
 * for numeric columns (wall-clock ms for dates, seconds for durations); with either bound set,
 * empty and unparsed cells are excluded; ignored for non-numeric columns.
 */
export interface ColumnFilter {
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

export interface ReportQuery {
  readonly sort?: SortSpec;
  /** Phone digits, in any format (see parsePhoneQuery); applies to every phone column. */
  readonly phone?: string;
  /** Case- and accent-insensitive substring (trimmed) over `searchKeys`. */
  readonly search?: string;
  /** Columns the search looks at (the visible ones); all columns when missing. */
  readonly searchKeys?: readonly string[];
  readonly filters?: Readonly<Record<string, ColumnFilter | undefined>>;
}

/** A distinct string form of a column and how many rows of a subset hold it. */
export interface FacetEntry {
  readonly value: string;
  readonly count: number;
}

export type FacetOrder = 'value' | 'count';
