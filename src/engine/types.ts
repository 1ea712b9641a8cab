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

export interface NumberSummary {
  /** Rows holding a number. */
  readonly count: number;
  readonly sum: number;
  /** NaN when count is 0 (as are max and mean). */
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Empty cells. */
  readonly empty: number;
  /** Cells that kept their raw text because they did not parse. */
  readonly unparsed: number;
}

export interface CrossCount {
  /** Distinct string forms of the first column, in that column's order. */
  readonly rows: readonly string[];
  /** Distinct string forms of the second column, in its order. */
  readonly columns: readonly string[];
  /** counts[r * columns.length + c]. */
  readonly counts: Uint32Array;
}

export type TimeUnit = 'hour' | 'day' | 'month';

export interface TimeBuckets {
  /** Start of each bucket (wall-clock ms), ascending; buckets without rows are included. */
  readonly starts: Float64Array;
  readonly counts: Uint32Array;
}
