/**
 * A damaged budget ledger (a power cut can leave its file as zeros) is not started afresh: that
 * would forget the last 24 h of spends and let a day's indexer budget be spent twice. Every search
 * is in the history with its cost and time, so the spends are rebuilt from there. Every non-dry-run
 * entry with a cost counts, failed ones too: counting a search that cost nothing errs on the side of
 * the indexers. Only a command in flight at the crash can be missing (the journal finishes it).
 */
import type { Settings } from '../../shared/settings';
import type { HistoryPage, HistoryQuery } from '../../shared/status';
import { budgetKeyOf, DAY_MS, type BudgetSnapshot, type SpendRecord } from '../scheduler/budget';

const PAGE = 1000;

export async function ledgerFromHistory(history: { query(q: HistoryQuery): Promise<HistoryPage> }, settings: Settings, now: number): Promise<{ snapshot: BudgetSnapshot; searches: number }> {
  const keyOf = new Map(settings.instances.map((i) => [i.id, budgetKeyOf(i)]));
  const since = new Date(now - DAY_MS + 1).toISOString();
  const spends: Record<string, SpendRecord[]> = {};
  let searches = 0;
  for (let before: number | undefined; ; ) {
    const page = await history.query({ since, limit: PAGE, ...(before !== undefined ? { before } : {}) });
    for (const e of page.entries) {
      if (e.dryRun || !(e.cost > 0)) continue;
      // an instance no longer configured keeps its own key, as the ledger does
      (spends[keyOf.get(e.instanceId) ?? e.instanceId] ??= []).push({ at: Date.parse(e.at), cost: e.cost });
      searches++;
    }
    if (page.entries.length < PAGE) break;
    before = page.entries[page.entries.length - 1].id;
  }
  for (const list of Object.values(spends)) list.sort((a, b) => a.at - b.at);
  return { snapshot: { version: 1, spends }, searches };
}
