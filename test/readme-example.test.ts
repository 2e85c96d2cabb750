import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../src/shared/settings';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../examples/trawlarr.json', import.meta.url), 'utf8');

describe('README configuration example', () => {
  const block = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];

  it('is the same document as examples/trawlarr.json', () => {
    expect(block).toBeDefined();
    expect(JSON.parse(block!)).toEqual(JSON.parse(example));
  });

  it('is valid settings', () => {
    const result = settingsSchema.safeParse(JSON.parse(example));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});
