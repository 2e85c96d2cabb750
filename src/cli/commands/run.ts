/**
 * `trawlarr run`: the engine on its schedules until SIGINT or SIGTERM, then it stops after the
 * current command. With --ui it also serves the built renderer on 127.0.0.1 (browser mode), or
 * with --host and --allow-remote on another address, for other machines.
 *
 * At start every enabled instance is contacted once: a rejected key or a wrong app is a setup
 * problem and exits 3; an instance that is merely unreachable is reported and retried with
 * backoff (a server's Radarr may start after Trawlarr).
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { startUiServer, type UiServer } from '../../server';
import { EXIT, type CliCommand } from '../args';
import { openEngine } from '../engine';
import { rendererDir } from '../env';
import { runLog } from '../events-log';
import { CliFailure, instanceLine } from '../exit';
import { untilSignal, type CliIo } from '../io';
import { announceUi } from './ui-url';

const SETUP_PROBLEMS = new Set(['key-rejected', 'wrong-app', 'key-missing', 'invalid-url']);

export async function runCommand(cmd: Extract<CliCommand, { cmd: 'run' }>, io: CliIo): Promise<number> {
  const staticDir = rendererDir(io.env);
  if (cmd.ui && !(await fsp.stat(join(staticDir, 'index.html')).catch(() => undefined))) {
    throw new CliFailure(`the browser UI is not built (no ${join(staticDir, 'index.html')}): run "npm run build" first, or start without --ui`, EXIT.failure);
  }
  const signals = untilSignal();
  // a lost data-directory lock ends the run like a signal, but with exit 1 (the engine stopped itself)
  let lockLost: Error | undefined;
  let onLockLost!: (error: Error) => void;
  const lost = new Promise<void>((r) => (onLockLost = (error) => ((lockLost = error), r())));
  const { host, settings } = await openEngine(io, cmd.config, cmd.dataDir, undefined, onLockLost);
  let server: UiServer | undefined;
  try {
    for (const inst of settings.instances.filter((i) => i.enabled)) {
      const result = await host.service.testConnection({ url: inst.url, kind: inst.kind, useStoredKeyOf: inst.id, trustSelfSignedCert: inst.trustSelfSignedCert });
      if (result.ok) continue;
      const line = instanceLine(inst, result.message);
      if (SETUP_PROBLEMS.has(result.reason)) throw new CliFailure(line, EXIT.unreachable);
      io.err(`${line} (retrying with backoff)`);
    }
    const log = runLog();
    host.subscribe((event) => {
      const lines = event.event === 'engine' ? log(event.payload) : event.event === 'status' ? log({ type: 'status', status: event.payload }) : [];
      for (const line of lines) io.out(line);
    });
    await host.start();
    const jobs = settings.instances.filter((i) => i.enabled).reduce((n, i) => n + i.jobs.filter((j) => j.enabled).length, 0);
    io.out(`Trawlarr is running: ${settings.instances.length} instances, ${jobs} enabled jobs; data in ${cmd.dataDir}. Stop with Ctrl-C.`);
    if (cmd.ui) {
      const ui = { port: cmd.port, host: cmd.host, allowRemote: cmd.allowRemote, allowedHostNames: cmd.hostNames };
      server = await startUiServer({ service: host.service, staticDir, dataDir: cmd.dataDir, ...ui, log: (line) => io.err(line) });
      await announceUi(server, cmd.dataDir, io);
    }
    const signal = await Promise.race([signals.promise, lost]);
    if (lockLost) throw new CliFailure(lockLost.message, EXIT.failure);
    io.out(`${signal}: stopping after the current command…`);
  } finally {
    await server?.close();
    await host.stop();
    signals.dispose();
  }
  io.out('Trawlarr stopped.');
  return EXIT.ok;
}
