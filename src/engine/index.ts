export { createReportIndex, type ReportIndex, type WarmOptions } from './report-index';
export type {
  ColumnFilter,
  CrossCount,
  FacetEntry,
  FacetOrder,
  NumberSummary,
  ReportQuery,
  SortSpec,
  SortSpecItem,
  TimeBuckets,
  TimeUnit,
} from './types';
export type { SortKey } from './sort-keys';
export { releaseScratch } from './buffers';
export { cellText, digitsOf, foldText } from './cell-text';
export { compareText, TEXT_COLLATOR } from './collation';
export { parsePhoneQuery, phoneCellMatches, type PhoneQuery } from './phone';
