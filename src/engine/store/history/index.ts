export { HistoryStore, type HistoryStoreOptions } from './store';
export type { DayCount, RowFilter } from './query';
export { CSV_COLUMNS, CSV_HEADER } from './csv';
