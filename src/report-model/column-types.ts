/**
 * Column types of the wolkvox reports. Every value arrives from the API as a
 * string; the type decides how it is parsed, shown, sorted, filtered and exported.
 */
export type ColumnType =
  | 'id'
  | 'text'
  | 'datetime'
  | 'date'
  | 'duration'
  | 'count'
  | 'percent'
  | 'enum'
  | 'phone'
  | 'country'
  | 'email'
  | 'url'
  | 'yesno';

/**
 * A parsed cell. Numbers for datetime/date (wall-clock milliseconds of the
 * operation's local time, read as if it were UTC), duration (seconds), count and
 * percent; booleans for yes/no; strings for the rest; null for an empty value.
 * A value that does not parse keeps its raw text: a string in a numeric or
 * boolean column is the "unparsed" flag.
 */
export type CellValue = string | number | boolean | null;

export type ReportRow = Record<string, CellValue>;

const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set([
  'datetime',
  'date',
  'duration',
  'count',
  'percent',
]);

export function isNumericType(type: ColumnType): boolean {
  return NUMERIC_TYPES.has(type);
}

/** True when a cell kept its raw text because it did not parse as its column's type. */
export function isUnparsed(type: ColumnType, value: CellValue): value is string {
  if (typeof value !== 'string') return false;
  return isNumericType(type) || type === 'yesno';
}

/** How many cells of these rows kept their raw text. */
export function countUnparsed(
  columns: readonly { key: string; type: ColumnType }[],
  rows: readonly ReportRow[],
): number {
  const checked = columns.filter((column) => isNumericType(column.type) || column.type === 'yesno');
  let count = 0;
  for (const row of rows) {
    for (const column of checked) if (isUnparsed(column.type, row[column.key] ?? null)) count++;
  }
  return count;
}
