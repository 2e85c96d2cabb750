/**
 * Hostile or broken input to the headless command exits 2 with the field named (issue 9,
 * findings 6 and 7): prototype names, `__proto__` and absurd nesting in the config file, and a
 * UI bound beyond loopback without the opt-in.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../engine/host/support';
import { runCli } from './support';

let tmp: { dir: string; remove: () => Promise<void> };
beforeAll(async () => void (tmp = await tempDir('trawlarr-cli-input-')));
afterAll(async () => tmp?.remove());

const instance = (extra: string) =>
  `{"id":"radarr","name":"R","kind":"radarr","url":"http://127.0.0.1:1","apiKey":"0123456789abcdef","jobs":[{"id":"upgrade","type":"upgrade"},{"id":"missing","type":"missing"${extra}}]}`;

describe('security finding 9.6: config input the CLI refuses with exit 2', () => {
  it('prototype names, __proto__ and deep nesting each exit 2 naming the field', async () => {
    const cases = [
      { name: 'ctor.json', text: `{"version":1,"instances":[${instance(',"constructor":1')}]}`, says: 'instances["radarr"].jobs["missing"]: unknown field "constructor"' },
      { name: 'proto.json', text: `{"version":1,"instances":[${instance(',"__proto__":{}')}]}`, says: 'instances["radarr"].jobs["missing"]: unknown field "__proto__"' },
      { name: 'deep.json', text: `{"version":1,"instances":[${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}]}`, says: ': nested deeper than 32 levels (near line 1, column' },
    ];
    const results = await Promise.all(
      cases.map(async (c) => {
        const file = join(tmp.dir, c.name);
        await writeFile(file, c.text);
        return { ...c, result: await runCli(['once', '--config', file, '--data-dir', join(tmp.dir, `data-${c.name}`), '--dry-run']) };
      }),
    );
    for (const { name, says, result } of results) {
      expect(result.stderr, name).toContain(says);
      expect(result.stderr, name).not.toContain('Maximum call stack');
      expect(result.code, name).toBe(2);
    }
  }, 120_000);
});

describe('security finding 9.7: the CLI refuses a UI beyond loopback without the opt-in', () => {
  it('run --ui --host 0.0.0.0 exits 2 naming --allow-remote, before anything starts', async () => {
    const r = await runCli(['run', '--config', join(tmp.dir, 'none.json'), '--data-dir', join(tmp.dir, 'remote'), '--ui', '--host', '0.0.0.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--host 0.0.0.0 is not a loopback address: add --allow-remote');
  }, 60_000);
});
