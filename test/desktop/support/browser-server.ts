/** vitest globalSetup: one Chromium (Debian's) for every scenario; each app connects to it. */
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';

let server: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  project.provide('wsEndpoint', server.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    wsEndpoint: string;
  }
}
