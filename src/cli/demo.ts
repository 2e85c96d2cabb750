/**
 * `npm run demo`: Trawlarr working without owning Radarr or Sonarr. Starts a simulated Radarr and
 * Sonarr with generated libraries (in this process), writes a config pointing at them into a
 * temporary folder, and runs the headless command with --ui on it. The browser UI is built first
 * when it is missing or older than its sources (a fresh clone has none). Ctrl-C stops everything
 * and removes the folder.
 *
 *   npm run demo [-- --port 8080]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SettingsInput } from '../shared/settings';
import { startSimulator, type Simulator } from '../simulator';
import { EXIT } from './args';
import { runCommand } from './commands/run';
import { ensureRendererBuilt } from './demo-build';
import { exitCodeOf, messageOf } from './exit';
import { processIo } from './io';

function demoSettings(radarr: Simulator, sonarr: Simulator): SettingsInput {
  const throughput = { maxPerHour: 30, maxPerDay: 300, minGapSeconds: 5, queueLimit: 50 };
  return {
    version: 1,
    instances: [
      {
        id: 'radarr',
        name: 'Radarr (simulated)',
        kind: 'radarr',
        url: radarr.url,
        apiKey: radarr.apiKey,
        throughput,
        jobs: [
          { id: 'missing', type: 'missing', schedule: { every: '1h' } },
          { id: 'cutoff-unmet', type: 'cutoff-unmet', schedule: { every: '2h' } },
          { id: 'upgrade', type: 'upgrade', schedule: { every: '24h' } },
        ],
      },
      {
        id: 'sonarr',
        name: 'Sonarr (simulated)',
        kind: 'sonarr',
        url: sonarr.url,
        apiKey: sonarr.apiKey,
        throughput,
        jobs: [
          { id: 'new-episodes', type: 'new-episodes' },
          { id: 'missing', type: 'missing', schedule: { every: '1h' } },
          { id: 'cutoff-unmet', type: 'cutoff-unmet', schedule: { every: '2h' } },
        ],
      },
    ],
  };
}

async function demo(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  // a renderer the user pointed at (TRAWLARR_RENDERER_DIR) is theirs to build
  if (!processIo.env.TRAWLARR_RENDERER_DIR) await ensureRendererBuilt(processIo.out);
  const radarr = await startSimulator({ app: 'radarr', seed: 7, size: 'small', grabChance: 0.4 });
  const sonarr = await startSimulator({ app: 'sonarr', seed: 8, size: 'small', grabChance: 0.4 });
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-demo-'));
  try {
    const config = join(dir, 'trawlarr.json');
    await writeFile(config, JSON.stringify(demoSettings(radarr, sonarr), null, 2), { mode: 0o600 });
    processIo.out(`Simulated Radarr at ${radarr.url} (${radarr.library.movies.size} movies), Sonarr at ${sonarr.url} (${sonarr.library.series.size} series).`);
    processIo.out(`Demo config: ${config}`);
    return await runCommand({ cmd: 'run', config, dataDir: join(dir, 'data'), ui: true, port }, processIo);
  } finally {
    await Promise.all([radarr.close(), sonarr.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await demo(process.argv.slice(2));
} catch (error) {
  processIo.err(`trawlarr demo: ${messageOf(error)}`);
  process.exitCode = error instanceof TypeError ? EXIT.usage : exitCodeOf(error);
}
setTimeout(() => process.exit(), 3000).unref();
