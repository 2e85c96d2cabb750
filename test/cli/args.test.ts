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

  it('parses ui-url and its --rotate', () => {
    expect(parseCli(['ui-url', '--data-dir', 'd'])).toEqual({ cmd: 'ui-url', dataDir: 'd', rotate: false });
    expect(parseCli(['ui-url', '--data-dir', 'd', '--rotate'])).toEqual({ cmd: 'ui-url', dataDir: 'd', rotate: true });
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
    expect(usage(['frobnicate', '--data-dir', 'd'])).toBe('unknown command "frobnicate"; expected once, run, status, history or ui-url');
    expect(usage(['ui-url'])).toBe('--data-dir is required');
    expect(usage(['ui-url', '--data-dir', 'd', '--port', '8080'])).toBe('--port is not an option of "ui-url"');
    expect(usage(['status', '--data-dir', 'd', '--rotate'])).toBe('--rotate is not an option of "status"');
    expect(usage(['once', '--bogus'])).toMatch(/bogus/);
  });

  it('shows help without arguments', () => {
    expect(parseCli([])).toEqual({ cmd: 'help' });
  });
});

describe('security finding 9.7: the UI beyond loopback is an explicit opt-in', () => {
  const run = ['run', '--config', 'c', '--data-dir', 'd', '--ui'];

  it('a non-loopback --host without --allow-remote is a usage error naming the option', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'nas.lan']) {
      expect(usage([...run, '--host', host])).toBe(`--host ${host} is not a loopback address: add --allow-remote to serve the UI to other machines (the login is then the only gate)`);
    }
    expect(usage([...run, '--allow-remote'])).toBe('--allow-remote needs --host ADDRESS (e.g. --host 0.0.0.0)');
    expect(usage(['run', '--config', 'c', '--data-dir', 'd', '--host-name', 'nas.lan'])).toBe('--host-name needs --ui');
    expect(usage([...run, '--host', '0.0.0.0', '--allow-remote', '--host-name', 'http://nas.lan/'])).toMatch(/^--host-name must be a host name or address/);
  });

  it('loopback needs no opt-in; the opt-in carries the declared names', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(parseCli([...run, '--host', host])).toMatchObject({ host, allowRemote: false });
    expect(parseCli([...run, '--host', '0.0.0.0', '--allow-remote', '--host-name', 'nas.lan', '--host-name', '192.168.1.20'])).toMatchObject({
      cmd: 'run',
      host: '0.0.0.0',
      allowRemote: true,
      hostNames: ['nas.lan', '192.168.1.20'],
    });
  });
});
