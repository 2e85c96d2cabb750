/**
 * Judges every search the moment it is sent: the simulator calls `onExchange` right after it
 * answers POST /command, before the command runs (it runs on a later GET /command/{id}), so the
 * simulator's ground truth at that instant is the truth the sender had to go by.
 *
 * Eligible means the rules (monitored, no file, available, not downloading), not the job's tag:
 * the tag is the engine's memory, and searching an eligible item twice is counted as a repeat.
 */
import type { Exchange, Simulator } from '../../src/simulator';

export interface AuditFigures {
  /** items eligible at the start */
  initial: number;
  /** of those, searched at least once */
  initialCovered: number;
  /** when the last of them got its first search */
  coveredAt?: number;
  /** item searches sent (each costs one query: a movie) */
  searches: number;
  ineligible: number;
  /** of those: not available yet, in the download queue, or something else (unmonitored, has a file) */
  ineligibleWhy: { notAvailable: number; downloading: number; other: number };
  /** searches of an item that had been searched before */
  repeats: number;
  /** repeats before every initially eligible item had its first search */
  repeatsBeforeCoverage: number;
  /** first searches of items that became eligible during the simulation */
  newlyEligible: number;
  /** the most searches in any rolling 24 h */
  worstDay: number;
  /** full library fetches (GET /movie) and wanted-list pages: what the runs cost the app */
  libraryFetches: number;
  wantedPages: number;
}

export class SearchAudit {
  private sim: Simulator | undefined;
  private initial = new Set<number>();
  private readonly searchedAt = new Map<number, number>();
  private readonly times: number[] = [];
  private uncovered = 0;
  private closed = false;
  readonly figures: AuditFigures = {
    initial: 0,
    initialCovered: 0,
    searches: 0,
    ineligible: 0,
    ineligibleWhy: { notAvailable: 0, downloading: 0, other: 0 },
    repeats: 0,
    repeatsBeforeCoverage: 0,
    newlyEligible: 0,
    worstDay: 0,
    libraryFetches: 0,
    wantedPages: 0,
  };

  constructor(private readonly clock: { now(): number }) {}

  /** Call once the simulator is up, before anything is searched. */
  attach(sim: Simulator): void {
    this.sim = sim;
    this.initial = new Set(sim.groundTruth('missing', {}));
    this.uncovered = this.initial.size;
    this.figures.initial = this.initial.size;
  }

  readonly onExchange = (x: Exchange): void => {
    if (!this.sim || this.closed) return;
    if (x.method === 'GET' && /\/api\/v3\/movie$/i.test(x.path)) this.figures.libraryFetches++;
    if (x.method === 'GET' && /\/api\/v3\/wanted\/missing$/i.test(x.path)) this.figures.wantedPages++;
    const body = x.requestBody as { name?: string; movieIds?: number[] } | undefined;
    if (x.method !== 'POST' || x.status !== 201 || !/\/command$/i.test(x.path) || body?.name !== 'MoviesSearch') return;
    const now = this.clock.now();
    const eligible = new Set(this.sim.groundTruth('missing', {}));
    const queued = new Set(this.sim.library.queue.map((q) => q.movieId));
    const f = this.figures;
    for (const id of body.movieIds ?? []) {
      f.searches++;
      this.times.push(now);
      if (!eligible.has(id)) {
        f.ineligible++;
        const movie = this.sim.library.movies.get(id);
        if (queued.has(id)) f.ineligibleWhy.downloading++;
        else if (movie && movie.monitored && !movie.movieFileId) f.ineligibleWhy.notAvailable++;
        else f.ineligibleWhy.other++;
      }
      if (this.searchedAt.has(id)) {
        f.repeats++;
        if (f.coveredAt === undefined) f.repeatsBeforeCoverage++;
        continue;
      }
      this.searchedAt.set(id, now);
      if (this.initial.has(id)) {
        f.initialCovered++;
        if (--this.uncovered === 0) f.coveredAt = now;
      } else if (eligible.has(id)) {
        f.newlyEligible++;
      }
    }
  };

  /** Stops counting (what a run cut short by the end still sends is not part of the month) and adds the worst day. */
  finish(): AuditFigures {
    this.closed = true;
    let worst = 0;
    for (let i = 0, j = 0; i < this.times.length; i++) {
      while (this.times[i] - this.times[j] >= 86_400_000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    this.figures.worstDay = worst;
    return this.figures;
  }
}
