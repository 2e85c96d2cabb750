// The specs in spec/arr are upstream files that must stay byte for byte what SOURCES.md says they
// are: the generated client types and the contract tests are only as good as that claim.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specDir } from '../support/contract';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = resolve(ROOT, 'spec/arr');

/** file name → sha256, from the table rows of SOURCES.md */
function listedChecksums(): Map<string, string> {
  const rows = readFileSync(resolve(DIR, 'SOURCES.md'), 'utf8').matchAll(/^\| `([\w-]+-openapi\.json)` \|.*\| `([0-9a-f]{64})` \|$/gm);
  return new Map([...rows].map((m) => [m[1], m[2]]));
}

describe('vendored *arr specs', () => {
  it('the contract tests read the copies in the repository', () => {
    expect(specDir()).toBe(DIR);
  });

  it('every spec file is listed in SOURCES.md with the sha256 it has', () => {
    const listed = listedChecksums();
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(['lidarr-openapi.json', 'prowlarr-openapi.json', 'radarr-openapi.json', 'sonarr-openapi.json']);
    expect([...listed.keys()].sort()).toEqual(files);
    for (const f of files) {
      expect(createHash('sha256').update(readFileSync(resolve(DIR, f))).digest('hex'), f).toBe(listed.get(f));
    }
  });
});
