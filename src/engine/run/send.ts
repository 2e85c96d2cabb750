/**
 * Sends one command (POST /command) when the connection or the app may fail for a moment.
 *
 * A POST is not idempotent: sent twice, it could search twice and spend the indexers' queries
 * twice. So the HTTP layer never re-sends it (src/arr/http/retry.ts), and this module re-sends
 * only on evidence that the first one did not arrive:
 *
 * - The answer was lost (connection closed or reset, timeout) or the app failed with a 500 (which
 *   normally means it queued nothing, though a 500 after the insert cannot be ruled out): after a
 *   short wait, read the app's command list (GET /command, itself retried like any read). A
 *   command with the same body, queued since shortly before we sent ours, is ours: adopt its id.
 *   No such command: the app does not have it, and sending it again is sending it once.
 * - At most `MAX_SENDS` sends; then the last error goes to the caller, whose journal entry (still
 *   "posting") lets the next run find out what happened (./recover.ts), as before.
 * - Everything else (400, 401, 404, a refused connection...) goes to the caller at once.
 *
 * Radarr and Sonarr also merge a command into an identical queued or running one (spec/arr/NOTES.md §9),
 * so even a command listed late would not run twice; the list check is what keeps the budget right.
 */
import { ArrError, USER_AGENT } from '../../arr';
import type { ListedCommand, SearchCommandBody } from '../../arr/model';
import type { Clock } from '../scheduler/clock';
import type { ArrPort } from './ports';

/** first send and up to two more */
export const MAX_SENDS = 3;
/** before looking: a request the app is still working on shows up within this */
export const SETTLE_MS = 1_000;
/** a listed command queued this long before our send may still be ours (the app's clock may run behind) */
export const CLOCK_SLACK_MS = 5 * 60_000;

/** failures after which the app may or may not hold the command */
const UNKNOWN = new Set(['connection-reset', 'timeout', 'network', 'server-error']);

export interface Sent {
  id: number;
  /** how it was settled: sent once, sent again, or found in the app's list */
  via: 'sent' | 'resent' | 'found';
}

export async function sendWithCheck(client: ArrPort, body: SearchCommandBody, postedAt: number, clock: Clock, settleMs = SETTLE_MS): Promise<Sent> {
  const send = (b: SearchCommandBody) => (client.sendCommand as (body: SearchCommandBody) => Promise<{ id: number }>).call(client, b);
  for (let n = 1; ; n++) {
    try {
      const sent = await send(body);
      return { id: sent.id, via: n === 1 ? 'sent' : 'resent' };
    } catch (error) {
      if (!(error instanceof ArrError && UNKNOWN.has(error.kind))) throw error;
      await clock.sleep(settleMs * n);
      let listed: ListedCommand[];
      try {
        listed = await client.commands();
      } catch {
        throw error; // the app cannot tell us: the journal entry settles it on the next run
      }
      const ours = listed.find((c) => isOurs(c, body, postedAt));
      if (ours) return { id: ours.id, via: 'found' };
      if (n >= MAX_SENDS) throw error;
    }
  }
}

/** Same command, same ids, queued since (about) our send, and not sent by someone else. */
function isOurs(c: ListedCommand, body: SearchCommandBody, postedAt: number): boolean {
  if (c.name !== body.name) return false;
  if (c.clientUserAgent && c.clientUserAgent !== USER_AGENT) return false;
  const queued = c.queued ? Date.parse(c.queued) : Number.NaN;
  if (!(queued >= postedAt - CLOCK_SLACK_MS)) return false;
  const b = body as Partial<Record<'movieIds' | 'episodeIds' | 'seriesIds', number[]> & Record<'seriesId' | 'seasonNumber', number>>;
  return sameIds(c.body.movieIds, b.movieIds) && sameIds(c.body.episodeIds, b.episodeIds) && sameIds(c.body.seriesIds, b.seriesIds) && c.body.seriesId === b.seriesId && c.body.seasonNumber === b.seasonNumber;
}

function sameIds(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const set = new Set(a);
  return a.length === b.length && b.every((id) => set.has(id));
}
