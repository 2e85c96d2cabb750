/**
 * Issue 11: two enabled instances at one address share the app's tags and count each other's
 * items, so they are refused: in a config file (`trawlarr once`: exit 2, naming both) and when the
 * settings window saves (an error on the form's url field), whatever the address's spelling.
 * A disabled copy is allowed until it is enabled. And the instance form saves the cross-job window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import { normalizedUrl } from '../../../src/shared/instance-url';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { radarrInstance, runCli, writeConfig } from '../../cli/support';
import { caller, type Caller } from './caller';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

let sim: Simulator;
let host: EngineHost;
let api: Caller;
let tmp: { dir: string; remove: () => Promise<void> };

/** The simulator's address spelled differently: upper-case scheme and host, a trailing slash. */
const respelled = () => sim.url.replace('http://127.0.0.1', 'HTTP://127.0.0.1') + '/';

beforeAll(async () => {
  sim = await startSimulator({ app: 'radarr', seed: 91, size: 'tiny' });
  tmp = await tempDir('trawlarr-same-url-');
  ({ host } = await openHost(settingsOf([instanceOf(sim, 'home')]), `${tmp.dir}/data`));
  api = caller(host.service);
});

afterAll(async () => {
  await host?.stop();
  await sim?.close();
  await tmp?.remove();
});

describe('two instances at one address', () => {
  it('compares addresses normalised: case, default port, trailing slash', () => {
    expect(normalizedUrl('HTTP://Radarr.LAN:80/')).toBe(normalizedUrl('http://radarr.lan'));
    expect(normalizedUrl('https://host:443/radarr/')).toBe(normalizedUrl('https://HOST/Radarr'));
    expect(normalizedUrl('http://host:7878')).not.toBe(normalizedUrl('http://host:7879'));
    expect(normalizedUrl('http://host/radarr4k')).not.toBe(normalizedUrl('http://host/radarr'));
  });

  it('the settings window refuses to save a second one, on the url field, naming both', async () => {
    const failure = await api.fail('saveInstance', { id: 'copy', name: 'Copy', kind: 'radarr', url: respelled(), apiKey: sim.apiKey });
    expect(failure.code).toBe('invalid-request');
    expect(failure.issues?.[0].path).toEqual(['url']);
    expect(failure.issues?.[0].message).toMatch(/"home".*"copy"/);
    expect(host.settings().instances.map((i) => i.id)).toEqual(['home']);
  });

  it('allows a disabled copy, and refuses to enable it', async () => {
    await api.ok('saveInstance', { id: 'copy', name: 'Copy', kind: 'radarr', url: respelled(), apiKey: sim.apiKey, enabled: false });
    const failure = await api.fail('saveInstance', { id: 'copy', name: 'Copy', kind: 'radarr', url: respelled(), enabled: true });
    expect(failure.issues?.[0].path).toEqual(['url']);
    expect(host.settings().instances.find((i) => i.id === 'copy')?.enabled).toBe(false);
  });

  it('a config file with two: exit 2, naming both instances', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(sim), radarrInstance(sim, { id: 'radarr-again', name: 'Again', url: respelled() })]);
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/cli-data`, '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('instances["radarr-again"].url');
    expect(r.stderr).toMatch(/"radarr" \(Home Radarr\) and "radarr-again" \(Again\)/);
    expect(r.stderr).not.toContain(sim.apiKey);
  }, 60_000);
});

describe('the cross-job window in the instance form', () => {
  it('is saved from the draft, and kept when a draft leaves it out', async () => {
    await api.ok('saveInstance', { id: 'home', name: 'Home', kind: 'radarr', url: sim.url, crossJobWindowDays: 3 });
    expect(host.settings().instances.find((i) => i.id === 'home')?.crossJobWindowDays).toBe(3);
    await api.ok('saveInstance', { id: 'home', name: 'Home again', kind: 'radarr', url: sim.url });
    expect(host.settings().instances.find((i) => i.id === 'home')).toMatchObject({ name: 'Home again', crossJobWindowDays: 3 });
    const bad = await api.fail('saveInstance', { id: 'home', name: 'Home', kind: 'radarr', url: sim.url, crossJobWindowDays: -1 });
    expect(bad.code).toBe('invalid-request');
  });
});
