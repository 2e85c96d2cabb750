/** Builds the SpecContext a plan runs with; the planner fills `files` and `renames` as it fetches. */
import type { MediaFile, QualityProfile, RenamePreview, Tag } from '../../arr/model';
import type { JobSettings } from '../../shared/settings';
import type { SeriesProgress, SpecContext } from '../specs/context';

export interface PlanContext extends SpecContext {
  readonly files: Map<number, MediaFile>;
  readonly renames: Map<number, RenamePreview[]>;
}

export interface PlanContextInput {
  now: number;
  job: JobSettings;
  profiles: readonly QualityProfile[];
  tags: readonly Tag[];
  /** the job's tag id; null when the tag does not exist (yet) */
  jobTagId: number | null;
  queue?: { movieIds?: Iterable<number>; episodeIds?: Iterable<number> };
  progress?: ReadonlyMap<number, SeriesProgress>;
  refreshedAt?: ReadonlyMap<number, number>;
  inFlight?: Iterable<number>;
  inFlightEpisodes?: Iterable<number>;
  searchedByOthers?: ReadonlyMap<number, { jobId: string; at: number }>;
}

export function createPlanContext(input: PlanContextInput): PlanContext {
  return {
    now: input.now,
    job: input.job,
    profiles: new Map(input.profiles.map((p) => [p.id, p])),
    tagIdsByLabel: new Map(input.tags.map((t) => [t.label.toLowerCase(), t.id])),
    jobTagId: input.jobTagId,
    queue: { movieIds: new Set(input.queue?.movieIds ?? []), episodeIds: new Set(input.queue?.episodeIds ?? []) },
    files: new Map(),
    renames: new Map(),
    progress: input.progress ?? new Map(),
    refreshedAt: input.refreshedAt ?? new Map(),
    inFlight: new Set(input.inFlight ?? []),
    inFlightEpisodes: new Set(input.inFlightEpisodes ?? []),
    ...(input.searchedByOthers ? { searchedByOthers: input.searchedByOthers } : {}),
  };
}
