export { createReportIndex, type ReportIndex, type WarmOptions } from './report-index';
export type {
  ColumnFilter,
  FacetEntry,
  FacetOrder,
  ReportQuery,
  SortSpec,
  SortSpecItem,
} from './types';
export type { SortKey } from './sort-keys';
export { releaseScratch } from './buffers';
export { cellText, digitsOf, foldText } from './cell-text';
export { compareText, TEXT_COLLATOR } from './collation';
export {
  asciiDigits,
  hasPhoneDigits,
  parsePhoneQuery,
  phoneCellMatches,
  type PhoneQuery,
} from './phone';
