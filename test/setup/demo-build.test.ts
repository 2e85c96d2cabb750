/**
 * When the demo rebuilds the browser UI: when the build is missing, or a source it is made of
 * changed after it (the whole demo, fresh clone and all, runs in test/readme).
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleReason } from '../../src/cli/demo-build';

let root: string;
const at = (file: string, seconds: number) => utimes(join(root, file), seconds, seconds);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trawlarr-demo-build-'));
  await mkdir(join(root, 'src/renderer/styles'), { recursive: true });
  await mkdir(join(root, 'src/shared'), { recursive: true });
  await writeFile(join(root, 'src/renderer/styles/layout.css'), '');
  await writeFile(join(root, 'src/shared/status.ts'), '');
  await at('src/renderer/styles/layout.css', 1000);
  await at('src/shared/status.ts', 1000);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the demo\'s renderer build', () => {
  it('is needed when there is none', async () => {
    await expect(staleReason(root)).resolves.toBe('out/renderer/index.html is missing');
  });

  it('is not needed when it is newer than every source', async () => {
    await mkdir(join(root, 'out/renderer'), { recursive: true });
    await writeFile(join(root, 'out/renderer/index.html'), '');
    await at('out/renderer/index.html', 2000);
    await expect(staleReason(root)).resolves.toBeNull();
  });

  it('is needed again when a source, however deep, changed after it', async () => {
    await at('src/renderer/styles/layout.css', 3000);
    await expect(staleReason(root)).resolves.toBe('src/renderer/styles/layout.css is newer than the last build');
    await at('src/renderer/styles/layout.css', 1000);
    await at('src/shared/status.ts', 3000);
    await expect(staleReason(root)).resolves.toBe('src/shared/status.ts is newer than the last build');
  });
});
