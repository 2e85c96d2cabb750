/**
 * Word pools for titles and prose. Prose is derived from ids at render time (never stored) so a
 * 250k-episode library stays small in memory while payloads keep a realistic size.
 */
import { hash } from './rng';

export const WORDS = (
  'shadow river night garden silver winter empire broken last storm ocean city house stone iron ' +
  'golden hidden secret dark light fire glass paper summer autumn spring north south quiet wild ' +
  'lost falling rising long short red blue black white green crimson hollow distant final first ' +
  'forgotten burning frozen endless silent sudden perfect strange little great dead living lonely ' +
  'echo harbor mirror machine kingdom letter journey promise memory signal island valley mountain ' +
  'desert forest bridge tower circle crown heart hunter stranger soldier doctor teacher pilot ' +
  'detective witness thief queen king daughter brother mother father friend enemy partner ghost ' +
  'angel devil saint sinner legend story song dance game war peace road train station harvest'
).split(' ');

export const SENTENCE_PARTS = [
  'When a reluctant stranger arrives in a small coastal town,',
  'After years of silence,',
  'Caught between loyalty and ambition,',
  'In the final days of a long war,',
  'Haunted by a mistake from the past,',
  'With nothing left to lose,',
  'On the eve of a historic election,',
  'Deep beneath a frozen mountain range,',
  'a disgraced detective must confront the family secret that tore everyone apart.',
  'two estranged siblings set out on a journey neither of them wanted.',
  'a young engineer uncovers a conspiracy that reaches far beyond the city walls.',
  'an unlikely group of friends races against time to save what they love.',
  'a weary pilot agrees to one last job that quickly spirals out of control.',
  'the residents of a quiet valley discover that their neighbours are not who they seem.',
  'a gifted musician is forced to choose between fame and the people who raised her.',
  'an ambitious reporter follows a trail of letters to a decades-old disappearance.',
];

export const GENRES = ['Action', 'Adventure', 'Animation', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Family', 'Fantasy', 'History', 'Horror', 'Music', 'Mystery', 'Romance', 'Science Fiction', 'Thriller', 'War', 'Western'];
export const KEYWORDS = ['based on novel or book', 'revenge', 'friendship', 'dystopia', 'small town', 'heist', 'time travel', 'survival', 'coming of age', 'murder', 'road trip', 'spy', 'family relationships', 'artificial intelligence', 'space', 'investigation', 'love triangle', 'sequel', 'duringcreditsstinger', 'biography'];
export const STUDIOS = ['Northlight Pictures', 'Harbor Films', 'Silver Crown Studios', 'Blue Lantern Entertainment', 'Ironwood Media', 'Meridian Pictures', 'Tall Tree Films', 'Quiet Storm Productions'];
export const NETWORKS = ['HBO', 'BBC One', 'Netflix', 'AMC', 'FX', 'NBC', 'Tokyo MX', 'Crunchyroll', 'Apple TV+', 'Channel 4'];
export const CERTIFICATIONS = ['G', 'PG', 'PG-13', 'R', 'NR'];
export const RELEASE_GROUPS = ['SPARKS', 'NTb', 'FLUX', 'FraMeSToR', 'GECKOS', 'TEPES', 'KiNGS', 'EDITH', 'SubsPlease', 'playWEB', 'BLUTONiUM', 'DON'];
export const INDEXERS = ['NZBgeek (Prowlarr)', 'DrunkenSlug (Prowlarr)', 'IPTorrents (Prowlarr)'];
export const LANGUAGES = [
  { id: 1, name: 'English' },
  { id: 2, name: 'French' },
  { id: 4, name: 'German' },
  { id: 8, name: 'Japanese' },
];

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** A title of 1–4 words, e.g. "The Silver Harbor". */
export function titleFrom(seed: number): string {
  const n = 1 + (seed % 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(cap(WORDS[hash(seed, i) % WORDS.length]));
  if (hash(seed, 99) % 3 === 0) parts.unshift('The');
  return parts.join(' ');
}

/** Two or three sentences of overview text, 200–450 characters. */
export function overviewFrom(seed: number): string {
  const n = 2 + (seed % 2);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = SENTENCE_PARTS[hash(seed, i, 1) % 8];
    const b = SENTENCE_PARTS[8 + (hash(seed, i, 2) % 8)];
    out.push(`${a} ${b}`);
  }
  return out.join(' ');
}

export function pickN<T>(pool: readonly T[], seed: number, n: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < n && i < n * 4; i++) {
    const v = pool[hash(seed, i, 7) % pool.length];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** "The Silver Harbor" → "thesilverharbor" as the apps' CleanTitle does (roughly). */
export function cleanTitle(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
