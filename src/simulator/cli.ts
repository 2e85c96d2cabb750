/**
 * Runs a simulator in its own process (benchmarks, the demo):
 *   tsx src/simulator/cli.ts --app radarr --seed 1 --movies 40000 [--port 0] [--api-key K] [--url-base /radarr]
 *     [--unreliable RATE [--unreliable-seed N]]
 * Prints one JSON line {"url","apiKey","app","port"} on stdout once listening; stops on SIGTERM/SIGINT.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import type { LibrarySize } from './library/types';

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n`);
  process.exit(2);
}

function int(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) fail(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

const { values } = parseArgs({
  options: {
    app: { type: 'string' },
    seed: { type: 'string' },
    movies: { type: 'string' },
    series: { type: 'string' },
    size: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'api-key': { type: 'string' },
    'url-base': { type: 'string' },
    version: { type: 'string' },
    'grab-chance': { type: 'string' },
    unreliable: { type: 'string' },
    'unreliable-seed': { type: 'string' },
  },
  strict: true,
});

const app = values.app;
if (app !== 'radarr' && app !== 'sonarr') fail('--app must be radarr or sonarr');
if (app === 'radarr' && values.series) fail('--series is for --app sonarr; use --movies');
if (app === 'sonarr' && values.movies) fail('--movies is for --app radarr; use --series');
const movies = int('movies', values.movies);
const series = int('series', values.series);
let size: LibrarySize | undefined;
if (movies !== undefined) size = { movies };
else if (series !== undefined) size = { series };
else if (values.size) size = values.size as LibrarySize;
const grabChance = values['grab-chance'] === undefined ? undefined : Number(values['grab-chance']);

try {
  const sim = await startSimulator({
    app,
    seed: int('seed', values.seed) ?? 1,
    size,
    port: int('port', values.port),
    host: values.host,
    apiKey: values['api-key'],
    urlBase: values['url-base'],
    version: values.version,
    grabChance,
  });
  if (values.unreliable !== undefined) sim.faults.unreliable = { rate: Number(values.unreliable), seed: int('unreliable-seed', values['unreliable-seed']) ?? 1 };
  process.stdout.write(`${JSON.stringify({ url: sim.url, apiKey: sim.apiKey, app: sim.app, port: sim.port })}\n`);
  const stop = () => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (e) {
  fail((e as Error).message);
}
