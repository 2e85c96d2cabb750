import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_EXIT } from '../../../src/engine/crash-guard';

const KEY = '5f3b9c0d7e1a4b2c8d6e0f1a2b3c4d5e';

function crash(how: 'throw' | 'reject') {
  return spawnSync(process.execPath, ['--import', 'tsx', resolve('test/engine/crash/crashing-child.ts'), KEY, how], { encoding: 'utf8', timeout: 20_000 });
}

describe('crash guard', () => {
  for (const how of ['throw', 'reject'] as const) {
    it(`reports an uncaught ${how === 'throw' ? 'exception' : 'rejection'} without the key and exits ${CRASH_EXIT}`, () => {
      const run = crash(how);
      expect(run.status).toBe(CRASH_EXIT);
      expect(run.stderr).toContain('trawlarr crashed:');
      // the report is still useful: the message and the header names are there, masked
      expect(run.stderr).toContain('/api/v3/movie');
      expect(run.stderr).toContain('X-Api-Key');
      expect(run.stderr).toContain('••••4d5e');
      expect(run.stderr).not.toContain(KEY);
    });
  }
});
