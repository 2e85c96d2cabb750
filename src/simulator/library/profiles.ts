/**
 * Quality profiles and custom formats of a generated library. Profile 3 has upgrades off; the
 * others have custom-format cutoffs so a file can meet the quality cutoff yet miss the score.
 */
import type { ArrApp, CustomFormatRec, ProfileItemRec, QualityProfileRec } from './types';
import { RADARR_QUALITIES, SONARR_QUALITIES } from './qualities';

export const CUSTOM_FORMATS: CustomFormatRec[] = [
  { id: 1, name: 'HDR' },
  { id: 2, name: 'DV' },
  { id: 3, name: 'Tier 01 Release Group' },
  { id: 4, name: 'Streaming Service' },
  { id: 5, name: 'x265 (HD)' },
  { id: 6, name: 'Bad Dual Groups' },
];

const FORMAT_SCORES = [
  { format: 1, score: 50 },
  { format: 2, score: 50 },
  { format: 3, score: 100 },
  { format: 4, score: 25 },
  { format: 5, score: -100 },
  { format: 6, score: -10000 },
];

function items(app: ArrApp, allowed: (name: string) => boolean, groups: { id: number; name: string; members: string[] }[] = []): ProfileItemRec[] {
  const list = app === 'radarr' ? RADARR_QUALITIES : SONARR_QUALITIES;
  const out: ProfileItemRec[] = [];
  const grouped = new Set(groups.flatMap((g) => g.members));
  for (const q of list) {
    const group = groups.find((g) => g.members[0] === q.name);
    if (group) {
      const qualityIds = group.members.map((m) => list.find((x) => x.name === m)!.id);
      out.push({ groupId: group.id, name: group.name, qualityIds, allowed: group.members.some(allowed) });
    } else if (!grouped.has(q.name)) {
      out.push({ qualityId: q.id, allowed: allowed(q.name) });
    }
  }
  return out;
}

const id = (app: ArrApp, name: string) => (app === 'radarr' ? RADARR_QUALITIES : SONARR_QUALITIES).find((q) => q.name === name)!.id;

export function defaultProfiles(app: ArrApp): QualityProfileRec[] {
  const web1080 = app === 'radarr' ? ['WEBDL-1080p', 'WEBRip-1080p'] : ['WEBRip-1080p', 'WEBDL-1080p'];
  const hd = (n: string) => /720p|1080p/.test(n) && !/Remux|Raw|BR-DISK/.test(n);
  const uhd = (n: string) => /2160p/.test(n);
  const any = (n: string) => n !== 'Unknown' && !/CAM|TELESYNC|TELECINE|WORKPRINT|REGIONAL|DVDSCR|BR-DISK|Raw-HD/.test(n);
  return [
    {
      id: 1,
      name: 'HD-1080p',
      upgradeAllowed: true,
      cutoff: id(app, 'Bluray-1080p'),
      items: items(app, (n) => /1080p/.test(n) && !/Remux|Raw|BR-DISK/.test(n), [{ id: 1001, name: 'WEB 1080p', members: web1080 }]),
      minFormatScore: 0,
      cutoffFormatScore: 100,
      minUpgradeFormatScore: 1,
      formatItems: FORMAT_SCORES,
    },
    {
      id: 2,
      name: 'HD - 720p/1080p',
      upgradeAllowed: true,
      cutoff: id(app, 'HDTV-1080p'),
      items: items(app, hd),
      minFormatScore: 0,
      cutoffFormatScore: 0,
      minUpgradeFormatScore: 1,
      formatItems: FORMAT_SCORES,
    },
    {
      id: 3,
      name: 'Any',
      upgradeAllowed: false,
      cutoff: id(app, 'SDTV'),
      items: items(app, any),
      minFormatScore: 0,
      cutoffFormatScore: 0,
      minUpgradeFormatScore: 1,
      formatItems: FORMAT_SCORES,
    },
    {
      id: 4,
      name: 'Ultra-HD',
      upgradeAllowed: true,
      cutoff: id(app, app === 'radarr' ? 'Remux-2160p' : 'Bluray-2160p Remux'),
      items: items(app, uhd),
      minFormatScore: 0,
      cutoffFormatScore: 150,
      minUpgradeFormatScore: 10,
      formatItems: FORMAT_SCORES,
    },
  ];
}
