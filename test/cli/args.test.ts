import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args';

const usage = (argv: string[]) => {
  try {
    parseCli(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('headless command arguments', () => {
  it('parses once with several jobs, dry run and json', () => {
    expect(parseCli(['once', '--config', 'c.json', '--data-dir', 'd', '--job', 'radarr/upgrade', '--job', 'sonarr/missing', '--dry-run', '--json'])).toEqual({
      cmd: 'once',
      config: 'c.json',
      dataDir: 'd',
      jobs: [
        { instanceId: 'radarr', jobId: 'upgrade' },
        { instanceId: 'sonarr', jobId: 'missing' },
      ],
      dryRun: true,
      json: true,
    });
  });

  it('parses run with the browser UI on a port', () => {
    expect(parseCli(['run', '--config', 'c', '--data-dir', 'd', '--ui', '--port', '8080'])).toMatchObject({ cmd: 'run', ui: true, port: 8080 });
  });

  it('defaults the history limit', () => {
    expect(parseCli(['history', '--data-dir', 'd'])).toEqual({ cmd: 'history', dataDir: 'd', json: false, limit: 20 });
  });

  it('names what is wrong', () => {
    expect(usage(['once', '--data-dir', 'd'])).toBe('--config is required');
    expect(usage(['status', '--data-dir', 'd', '--config', 'c'])).toBe('--config is not an option of "status"');
    expect(usage(['once', '--config', 'c', '--data-dir', 'd', '--job', 'radarr'])).toBe('--job must be INSTANCE_ID/JOB_ID, not "radarr"');
    expect(usage(['history', '--data-dir', 'd', '--limit', '0'])).toBe('--limit must be a whole number from 1 to 100000, not "0"');
    expect(usage(['run', '--config', 'c', '--data-dir', 'd', '--port', '80'])).toBe('--port needs --ui');
    expect(usage(['frobnicate', '--data-dir', 'd'])).toBe('unknown command "frobnicate"; expected once, run, status or history');
    expect(usage(['once', '--bogus'])).toMatch(/bogus/);
  });

  it('shows help without arguments', () => {
    expect(parseCli([])).toEqual({ cmd: 'help' });
  });
});
