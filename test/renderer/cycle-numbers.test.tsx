/**
 * Issue 11: the cycle numbers agree everywhere. One engine state (a real host against the
 * simulator, a run cut by the hourly budget, then a Preview), read through every surface's
 * formatter: the dashboard row, the Preview, the tray menu and `trawlarr status` all say the same
 * "done of eligible" (once "14 / 98" on the dashboard against "14 of 190" in Preview).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusText } from '../../src/cli/read-output';
import type { EngineHost } from '../../src/engine/host';
import { jobStatusLine } from '../../src/main/tray/menu-model';
import { JobRowView } from '../../src/renderer/pages/dashboard/JobRow';
import { cycleSentence } from '../../src/renderer/pages/jobs/PreviewResult';
import type { JobPreview } from '../../src/shared/contract/settings-schemas';
import type { InstanceStatus } from '../../src/shared/status';
import { startSimulator, type Simulator } from '../../src/simulator';
import { instanceOf, openHost, settingsOf, tempDir } from '../engine/host/support';

let sim: Simulator;
let host: EngineHost;
let dir: { dir: string; remove: () => Promise<void> };
let preview: JobPreview;
let instance: InstanceStatus;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  sim = await startSimulator({ app: 'radarr', seed: 41, size: 'small', grabChance: 0 });
  dir = await tempDir('trawlarr-cycle-numbers-');
  // a yearly cron: the job runs only when asked; 3 queries an hour cut the run short
  const settings = settingsOf([instanceOf(sim, 'radarr', { name: 'Radarr', throughput: { maxPerHour: 3, maxPerDay: 20, minGapSeconds: 2, queueLimit: 1000 }, jobs: [{ id: 'missing', type: 'missing', schedule: { cron: '0 3 1 1 *' } }] })]);
  host = (await openHost(settings, dir.dir)).host;
  await host.start();
  await host.service.runJobNow({ instanceId: 'radarr', jobId: 'missing' });
  const end = Date.now() + 30_000;
  while (host.status().instances[0].jobs[0].lastRun === undefined || host.status().instances[0].jobs[0].running) {
    if (Date.now() > end) throw new Error('the run did not end');
    await new Promise((r) => setTimeout(r, 50));
  }
  await host.whenIdle();
  preview = await host.service.previewJob({ instanceId: 'radarr', jobId: 'missing' });
  instance = host.status().instances[0];
}, 60_000);

afterAll(async () => {
  await host?.stop();
  await sim?.close();
  await dir?.remove();
});

describe('cycle numbers', () => {
  it('dashboard, Preview, tray and `trawlarr status` say the same "done of eligible"', () => {
    const job = instance.jobs[0];
    expect(job.done).toBeGreaterThan(0);
    expect(job.eligible).toBeGreaterThan(job.done);
    // the Preview counts every candidate; that count is the engine's figure from then on
    expect([preview.done, preview.eligible]).toEqual([job.done, job.eligible]);
    // what is left is exactly what the simulator says is eligible and not searched yet
    expect(preview.eligible - preview.done).toBe(sim.groundTruth('missing', { id: 'missing' }).length);

    const words = `${job.done.toLocaleString('en-US')} of ${job.eligible.toLocaleString('en-US')}`;
    const dashboard = text(renderToStaticMarkup(<table><tbody><JobRowView instance={instance} job={job} now={Date.now()} /></tbody></table>));
    expect(dashboard).toContain(words);
    expect(cycleSentence(preview)).toBe(`Cycle ${job.cycle}: ${words}`);
    expect(jobStatusLine(instance, job, { now: new Date(), timeZone: 'UTC', launchAtLogin: { supported: false, enabled: false } })).toContain(`cycle ${job.cycle} · ${words}`);
    expect(statusText(host.status(), true)).toContain(`missing (missing): cycle ${job.cycle}: ${words}`);
  });
});
