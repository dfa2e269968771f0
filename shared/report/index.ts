/** Public surface of the report module: periods, the measures interface, builders, document model. */
export * from './period';
export * from './measures';
export * from './model';
export { buildReport, scopeLabel, type ReportRequest } from './build';
export { MemoryMeasures, countsOf } from './memory-measures';
export { reportRating, type ReportRatingRow } from './rating';
export { formatCell } from './format';
export { sourceNames, SOURCE_NAMES } from './sources';
