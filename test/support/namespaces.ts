/**
 * Processes in a new PID namespace (`unshare -pf --mount-proc`), as in a container: the command is
 * PID 1 there. Needs root (or user namespaces); tests skip with the reason when unshare cannot run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Why namespaced tests cannot run here, or undefined when they can. */
export function unshareUnavailable(): string | undefined {
  const probe = spawnSync('unshare', ['-pf', '--mount-proc', 'true'], { stdio: 'ignore' });
  if (probe.error) return `unshare is not installed (${probe.error.message})`;
  return probe.status === 0 ? undefined : `unshare -pf --mount-proc failed (exit ${probe.status}): needs root or user namespaces`;
}

/**
 * Runs `command` as PID 1 of a new PID (and mount) namespace; with `hostname`, also in a new UTS
 * namespace with that host name (a re-created container).
 */
export function spawnInNamespace(command: string[], options: { hostname?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): ChildProcess {
  const flags = options.hostname ? ['-pfu', '--mount-proc'] : ['-pf', '--mount-proc'];
  // sh sets the host name and execs the command, which so keeps PID 1
  const argv = options.hostname ? ['sh', '-c', 'hostname "$0" && exec "$@"', options.hostname, ...command] : command;
  return spawn('unshare', [...flags, ...argv], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The host PID of the namespace's PID 1 (unshare's only child). */
export async function namespaceInitPid(unshare: ChildProcess): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const text = await readFile(`/proc/${unshare.pid}/task/${unshare.pid}/children`, 'utf8').catch(() => '');
    const pid = Number(text.trim().split(/\s+/)[0]);
    if (pid > 0) return pid;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`unshare (pid ${unshare.pid}) started no child`);
}
