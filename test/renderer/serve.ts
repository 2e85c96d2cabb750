/**
 * FOR UI DEVELOPMENT ONLY: serves the built renderer (out/renderer) with the fake service through
 * the real browser-mode server. `npx tsx test/renderer/serve.ts [--instances N] [--history N] [--port N]`
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startUiServer } from '../../src/server/index';
import { createFakeService } from './fake/service';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '4' }, history: { type: 'string', default: '5000' }, port: { type: 'string', default: '0' }, token: { type: 'string' } } });
const service = createFakeService({ instances: Number(values.instances), historyEntries: Number(values.history) });
const server = await startUiServer({ service, staticDir: resolve('out/renderer'), port: Number(values.port), ...(values.token ? { token: values.token } : {}), log: (l) => console.error(l) });
// a one-time login link; the browser keeps its session cookie while this server runs
console.log(await server.loginUrl());
