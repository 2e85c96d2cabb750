/** Plans one job on one instance: picks the entry or episode planner the job's definition calls for. */
import type { ArrKind, Movie, Series } from '../../arr/model';
import type { JobDefinition } from '../jobs/types';
import type { PlanContext } from './context';
import { planEntries } from './entries';
import { planEpisodes } from './episodes';
import type { DetailLoader } from './loader';
import type { Plan } from './types';

export interface JobPlanInput {
  app: ArrKind;
  def: JobDefinition;
  ctx: PlanContext;
  movies?: readonly Movie[];
  series?: readonly Series[];
  /** Radarr: movies per run; Sonarr search jobs: commands per run; Sonarr rename/refresh: series per run */
  limit: number;
  loader: DetailLoader;
  evaluateAll?: boolean;
  seed?: number;
  /** Sonarr: when this job last searched each series (ms), from the job's state */
  seriesSearchedAt?: ReadonlyMap<number, number>;
  maxCostPerCommand?: number;
}

export function movieTitle(movie: Pick<Movie, 'title' | 'year'>): string {
  return movie.year > 0 ? `${movie.title} (${movie.year})` : movie.title;
}

export async function planJob(input: JobPlanInput): Promise<Plan> {
  const { def, ctx } = input;
  const order = ctx.job.order;
  const common = { ctx, limit: input.limit, order, loader: input.loader, evaluateAll: input.evaluateAll, seed: input.seed, maxCostPerCommand: input.maxCostPerCommand };
  const byRefresh = (id: number) => ctx.refreshedAt.get(id);
  if (input.app === 'radarr') {
    if (!def.radarr) throw new Error(`${def.type} is not a Radarr job`);
    const lastSearched = def.type === 'refresh' ? (m: Movie) => byRefresh(m.id) : (m: Movie) => time(m.lastSearchTime);
    return planEntries({ ...common, entries: input.movies ?? [], def: def.radarr, titleOf: movieTitle, lastSearched });
  }
  if (!def.sonarr) throw new Error(`${def.type} is not a Sonarr job`);
  const series = input.series ?? [];
  if (def.sonarr.unit === 'series') {
    const lastSearched = def.type === 'refresh' ? (s: Series) => byRefresh(s.id) : (s: Series) => input.seriesSearchedAt?.get(s.id);
    return planEntries({ ...common, entries: series, def: def.sonarr.series, titleOf: (s) => s.title, lastSearched });
  }
  return planEpisodes({ ...common, series, def: def.sonarr.episodes, lastSearched: (s) => input.seriesSearchedAt?.get(s.id) });
}

function time(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}
