export { defineDocument, type DocumentType } from './document';
export { StateFileError, StateStore, type StateStoreOptions } from './store';
export {
  backoffDoc,
  backoffSchema,
  budgetLedgerDoc,
  jobCycleDoc,
  jobKey,
  pauseDoc,
  refreshStampsDoc,
  scheduleDoc,
  SINGLETON,
  type BackoffState,
  type JobCycleState,
} from './documents';
