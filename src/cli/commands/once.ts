/** `trawlarr once`: each selected job once, now; the exit code says what went wrong (../once-exit.ts). */
import { selectJobs } from '../../engine/host';
import type { CliCommand } from '../args';
import { openEngine } from '../engine';
import type { CliIo } from '../io';
import { untilSignal } from '../io';
import { onceExit } from '../once-exit';
import { onceJson, onceText } from '../once-output';

export async function onceCommand(cmd: Extract<CliCommand, { cmd: 'once' }>, io: CliIo): Promise<number> {
  const stop = new AbortController();
  // a lost data-directory lock: the engine stops itself; the run ends after the current command
  const { host, settings } = await openEngine(io, cmd.config, cmd.dataDir, cmd.jobs.length ? cmd.jobs.map((j) => j.instanceId) : undefined, () => stop.abort());
  const signals = untilSignal();
  void signals.promise.then(() => {
    io.err('stopping after the current command…');
    stop.abort();
  });
  let results;
  try {
    selectJobs(settings, cmd.jobs); // names a bad --job before anything runs
    results = await host.runOnce(cmd.jobs, { dryRun: cmd.dryRun, signal: stop.signal });
  } finally {
    signals.dispose();
    await host.stop();
  }
  const doc = onceJson(results, cmd.dryRun);
  io.out(cmd.json ? JSON.stringify(doc, null, 2) : onceText(doc));
  const exit = onceExit(results);
  for (const line of exit.lines) io.err(line);
  return exit.code;
}
