/**
 * Budgets in estimated indexer queries, over rolling windows: at most `maxPerHour` in any hour and
 * `maxPerDay` in any 24 h. A key is one instance, or a budget group that several instances share.
 *
 * Invariant: for every key and every window [s, s + 1 h) (resp. 24 h), the recorded spends in it
 * add up to no more than the cap that was in force when they were recorded. `reserve`/`spend` check
 * and record in one synchronous step, so concurrent jobs cannot both take the last unit.
 *
 * The snapshot (spends of the last 24 h, reservations included) is plain JSON for the state store;
 * a ledger rebuilt from it after a restart or a crash holds the same windows.
 */
import type { BudgetGroup, InstanceSettings } from '../../shared/settings';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface BudgetLimits {
  maxPerHour: number;
  maxPerDay: number;
}

export interface SpendRecord {
  at: number;
  cost: number;
}

export interface BudgetSnapshot {
  version: 1;
  spends: Record<string, SpendRecord[]>;
}

export interface BudgetUsage {
  lastHour: number;
  lastDay: number;
}

export interface Reservation {
  readonly key: string;
  readonly cost: number;
  readonly at: number;
  /** the search was sent and accepted: the spend stays */
  commit(): void;
  /** nothing was searched: the spend is removed (no-op after commit) */
  release(): void;
}

/** The key of an instance's budget: its group when it has one. */
export function budgetKeyOf(instance: Pick<InstanceSettings, 'id' | 'budgetGroup'>): string {
  return instance.budgetGroup ? `group:${instance.budgetGroup}` : `instance:${instance.id}`;
}

/** Limits per budget key: a group's own limits, or the instance's throughput settings. */
export function budgetLimitsOf(
  instances: readonly Pick<InstanceSettings, 'id' | 'budgetGroup' | 'throughput'>[],
  groups: readonly BudgetGroup[],
): Map<string, BudgetLimits> {
  const limits = new Map<string, BudgetLimits>();
  for (const g of groups) limits.set(`group:${g.id}`, { maxPerHour: g.maxPerHour, maxPerDay: g.maxPerDay });
  for (const inst of instances) {
    const key = budgetKeyOf(inst);
    if (inst.budgetGroup && !limits.has(key)) throw new Error(`instance "${inst.id}": unknown budget group "${inst.budgetGroup}"`);
    if (!inst.budgetGroup) limits.set(key, { maxPerHour: inst.throughput.maxPerHour, maxPerDay: inst.throughput.maxPerDay });
  }
  return limits;
}

function validCost(cost: number): void {
  if (!Number.isFinite(cost) || cost <= 0) throw new Error(`budget: cost must be a positive number, got ${cost}`);
}

/**
 * The earliest t ≥ now at which the spends still inside (t - window, t] leave room for `room`:
 * the oldest spends have to age out first.
 */
function fitsFrom(records: readonly SpendRecord[], windowMs: number, room: number, now: number): number {
  const inside = records.filter((r) => r.at > now - windowMs).sort((a, b) => a.at - b.at);
  let total = inside.reduce((sum, r) => sum + r.cost, 0);
  if (total <= room) return now;
  for (const r of inside) {
    total -= r.cost;
    if (total <= room) return r.at + windowMs;
  }
  return now; // unreachable: room ≥ 0 once every record has aged out
}

export class BudgetLedger {
  private readonly limits = new Map<string, BudgetLimits>();
  private readonly records = new Map<string, SpendRecord[]>();

  constructor(limits: Map<string, BudgetLimits> | Record<string, BudgetLimits>, snapshot?: BudgetSnapshot) {
    for (const [key, l] of limits instanceof Map ? limits : Object.entries(limits)) this.setLimits(key, l);
    if (snapshot) this.restore(snapshot);
  }

  setLimits(key: string, limits: BudgetLimits): void {
    for (const [name, v] of Object.entries(limits)) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`budget "${key}": ${name} must be a positive whole number, got ${v}`);
    }
    this.limits.set(key, { maxPerHour: limits.maxPerHour, maxPerDay: limits.maxPerDay });
  }

  limitsOf(key: string): BudgetLimits {
    const l = this.limits.get(key);
    if (!l) throw new Error(`no budget "${key}"`);
    return l;
  }

  /** The largest single command this budget can ever afford; a costlier one must be split or skipped. */
  maxSingleCost(key: string): number {
    const l = this.limitsOf(key);
    return Math.min(l.maxPerHour, l.maxPerDay);
  }

  usage(key: string, now: number): BudgetUsage {
    this.limitsOf(key);
    let lastHour = 0;
    let lastDay = 0;
    for (const r of this.records.get(key) ?? []) {
      if (r.at > now - HOUR_MS) lastHour += r.cost;
      if (r.at > now - DAY_MS) lastDay += r.cost;
    }
    return { lastHour, lastDay };
  }

  canSpend(key: string, cost: number, now: number): boolean {
    return this.availableAt(key, cost, now) === now;
  }

  /** When `cost` would fit (≥ now); Infinity when it never can (more than a cap on its own). */
  availableAt(key: string, cost: number, now: number): number {
    validCost(cost);
    const l = this.limitsOf(key);
    if (cost > l.maxPerHour || cost > l.maxPerDay) return Infinity;
    const records = this.records.get(key) ?? [];
    return Math.max(fitsFrom(records, HOUR_MS, l.maxPerHour - cost, now), fitsFrom(records, DAY_MS, l.maxPerDay - cost, now));
  }

  /** Records `cost` now, or throws when it does not fit. */
  spend(key: string, cost: number, now: number): void {
    const reservation = this.reserve(key, cost, now);
    if (!reservation) this.refuse(key, cost, now);
    reservation.commit();
  }

  /** Records `cost` now if it fits and returns a handle to keep or undo it; undefined when it does not fit. */
  reserve(key: string, cost: number, now: number): Reservation | undefined {
    if (!this.canSpend(key, cost, now)) return undefined;
    const record: SpendRecord = { at: now, cost };
    const list = this.records.get(key) ?? [];
    list.push(record);
    this.records.set(key, list);
    let settled = false;
    return {
      key,
      cost,
      at: now,
      commit: () => {
        settled = true;
      },
      release: () => {
        if (settled) return;
        settled = true;
        const current = this.records.get(key);
        const index = current?.indexOf(record) ?? -1;
        if (index >= 0) current!.splice(index, 1);
      },
    };
  }

  /** Spends of the last 24 h before `now` (open reservations count: a crash may have sent them). */
  snapshot(now: number): BudgetSnapshot {
    const spends: Record<string, SpendRecord[]> = {};
    for (const [key, list] of this.records) {
      const kept = list.filter((r) => r.at > now - DAY_MS);
      this.records.set(key, kept);
      if (kept.length) spends[key] = kept.map((r) => ({ at: r.at, cost: r.cost }));
    }
    return { version: 1, spends };
  }

  private restore(snapshot: BudgetSnapshot): void {
    if (!snapshot || snapshot.version !== 1 || typeof snapshot.spends !== 'object' || snapshot.spends === null) {
      throw new Error('budget snapshot: unsupported format (expected version 1)');
    }
    for (const [key, list] of Object.entries(snapshot.spends)) {
      if (!Array.isArray(list)) throw new Error(`budget snapshot: spends of "${key}" is not a list`);
      const records = list.map((r, i) => {
        if (!r || !Number.isFinite(r.at) || !Number.isFinite(r.cost) || r.cost <= 0) {
          throw new Error(`budget snapshot: spend ${i} of "${key}" is not {at, cost}`);
        }
        return { at: r.at, cost: r.cost };
      });
      // a key no longer configured keeps its records so re-adding it does not reset it
      this.records.set(key, records);
    }
  }

  private refuse(key: string, cost: number, now: number): never {
    const l = this.limitsOf(key);
    const u = this.usage(key, now);
    if (cost > this.maxSingleCost(key)) {
      throw new Error(`budget "${key}": a command costing ${cost} exceeds the cap of ${this.maxSingleCost(key)} and can never be sent`);
    }
    throw new Error(
      `budget "${key}": ${cost} more would exceed ${l.maxPerHour}/hour (used ${u.lastHour}) or ${l.maxPerDay}/day (used ${u.lastDay})`,
    );
  }
}
