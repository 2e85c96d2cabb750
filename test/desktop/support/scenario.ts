/** Per-test bookkeeping: every app, machine and simulator a scenario starts is stopped after it. */
import { afterEach } from 'vitest';
import type { Simulator } from '../../../src/simulator/index';
import { launch, newMachine, type DesktopRun, type LaunchOptions, type Machine } from './driver';

export function scenario() {
  let runs: DesktopRun[] = [];
  let machines: Machine[] = [];
  let sims: Simulator[] = [];
  afterEach(async () => {
    for (const run of runs) run.kill();
    await Promise.all(runs.map((r) => r.exited));
    await Promise.all([...machines.map((m) => m.dispose()), ...sims.map((s) => s.close())]);
    runs = [];
    machines = [];
    sims = [];
  });
  return {
    async machine(): Promise<Machine> {
      const machine = await newMachine();
      machines.push(machine);
      return machine;
    },
    async launch(machine: Machine, options?: LaunchOptions): Promise<DesktopRun> {
      const run = await launch(machine, options);
      runs.push(run);
      return run;
    },
    sim<S extends Simulator>(sim: S): S {
      sims.push(sim);
      return sim;
    },
  };
}

/** The records' visible window, if any. */
export const visibleWindow = (r: { windows: { visible: boolean; destroyed: boolean; url?: string }[] }) => r.windows.find((w) => w.visible && !w.destroyed && w.url);
