import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, createApi, ipcChannel, ipcEventChannel, type Envelope } from '../../src/shared/contract';
import { createEventPusher } from '../../src/main/ipc/event-pusher';
import { registerContractHandlers, type InvokeRegistry } from '../../src/main/ipc/router';
import { createSenderGuard, originOf, type SenderInfo } from '../../src/main/ipc/sender-guard';
import { createPreloadBridge, type RendererIpc } from '../../src/preload/bridge';
import { createFakeService, STORED_KEYS, sampleStatus } from '../contract/fake-service';
import { SAMPLE_REQUESTS } from '../contract/sample-requests';

type Handler = (event: SenderInfo, ...args: unknown[]) => Promise<unknown>;

/** Stands in for ipcMain: the boundary Electron would own. */
class FakeIpcMain implements InvokeRegistry<SenderInfo> {
  handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(event: SenderInfo, channel: string, ...args: unknown[]): Promise<Envelope<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(event, ...args) as Promise<Envelope<unknown>>;
  }
}

const WINDOW_ID = 7;
const appFrame = (url = 'app://trawlarr/index.html#/jobs'): SenderInfo => ({ sender: { id: WINDOW_ID }, senderFrame: { url, parent: null } });

function setup(leaky = false) {
  const ipcMain = new FakeIpcMain();
  const service = createFakeService({ leaky });
  const logs: string[] = [];
  let windowId: number | undefined = WINDOW_ID;
  const guard = createSenderGuard({ trustedWebContentsId: () => windowId, appOrigins: ['app://trawlarr'] });
  const dispose = registerContractHandlers({ registry: ipcMain, service, guard, log: (l) => logs.push(l) });
  return { ipcMain, service, logs, dispose, closeWindow: () => (windowId = undefined) };
}

describe('IPC router', () => {
  it('registers exactly one handler per channel and removes them all', () => {
    const { ipcMain, dispose } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('routes a valid request to the service with defaults filled in', async () => {
    const { ipcMain, service } = setup();
    const res = await ipcMain.invoke(appFrame(), ipcChannel('setPaused'), { target: { scope: 'all' }, paused: true });
    expect(res).toMatchObject({ ok: true, value: { paused: true } });
    expect(service.calls).toEqual([{ channel: 'setPaused', request: { target: { scope: 'all' }, paused: true } }]);
  });

  it('rejects bad payloads with a clear message naming the field, before the service', async () => {
    const { ipcMain, service } = setup();
    const cases: [string, unknown, string][] = [
      ['saveInstance', { id: 'r', name: 'R', kind: 'lidarr', url: 'http://x:1' }, 'saveInstance: kind:'],
      ['saveInstance', { id: 'r', name: 'R', kind: 'radarr', url: 'ftp://x' }, 'saveInstance: url: url must start with http:// or https://'],
      ['saveThroughput', { scope: 'instance', instanceId: 'radarr', throughput: { maxPerHour: 500 } }, 'saveThroughput: throughput.maxPerHour:'],
      ['queryHistory', { limit: 100000 }, 'queryHistory: limit: limit is at most 500'],
      ['runJobNow', 'radarr/upgrade', 'runJobNow: (request):'],
      ['importSettings', {}, 'importSettings: json:'],
    ];
    for (const [channel, payload, message] of cases) {
      const res = await ipcMain.invoke(appFrame(), ipcChannel(channel as never), payload);
      expect(res.ok, channel).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid-request');
        expect(res.error.message.startsWith(message), `${res.error.message} should start with ${message}`).toBe(true);
      }
    }
    expect(service.calls).toEqual([]);
  });

  it('refuses extra arguments', async () => {
    const { ipcMain } = setup();
    const res = await ipcMain.invoke(appFrame(), ipcChannel('getStatus'), {}, 'extra');
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses every sender but the top frame of its own settings window on the app origin', async () => {
    const { ipcMain, service, logs, closeWindow } = setup();
    const refused: [string, SenderInfo][] = [
      ['another webContents', { sender: { id: 99 }, senderFrame: { url: 'app://trawlarr/index.html', parent: null } }],
      ['a subframe', { sender: { id: WINDOW_ID }, senderFrame: { url: 'app://trawlarr/index.html', parent: {} } }],
      ['a foreign page in the window', appFrame('https://evil.example/')],
      ['a file:// page', appFrame('file:///etc/passwd')],
      ['a look-alike host', appFrame('app://trawlarr.evil/index.html')],
      ['a destroyed frame', { sender: { id: WINDOW_ID }, senderFrame: null }],
    ];
    for (const [what, event] of refused) {
      const res = await ipcMain.invoke(event, ipcChannel('getSettings'));
      expect(res, what).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    closeWindow();
    expect(await ipcMain.invoke(appFrame(), ipcChannel('getSettings'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(service.calls).toEqual([]);
    expect(logs).toHaveLength(refused.length + 1);
    expect(logs[0]).toBe('getSettings: IPC refused: sender 99 is not the settings window');
  });

  it('custom-scheme origins are compared by scheme and host', () => {
    expect(originOf('app://trawlarr/index.html#/x')).toBe('app://trawlarr');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeUndefined();
  });
});

describe('no key crosses the bridge', () => {
  for (const leaky of [false, true]) {
    it(`every channel's response, serialized, holds no stored key (${leaky ? 'leaky' : 'correct'} backend)`, async () => {
      let succeeded = 0;
      for (const name of CHANNEL_NAMES) {
        const { ipcMain } = setup(leaky);
        const res = await ipcMain.invoke(appFrame(), ipcChannel(name), SAMPLE_REQUESTS[name]);
        if (res.ok) succeeded++;
        for (const key of STORED_KEYS) expect(JSON.stringify(res), name).not.toContain(key);
      }
      expect(succeeded).toBe(leaky ? CHANNEL_NAMES.length - 2 : CHANNEL_NAMES.length - 1);
    });
  }
});

describe('events to the window', () => {
  it('pushes validated events on typed channels and stops after dispose', () => {
    const service = createFakeService();
    const sent: [string, unknown][] = [];
    let destroyed = false;
    const pusher = createEventPusher(service, () => ({ send: (c, p) => sent.push([c, p]), isDestroyed: () => destroyed }));
    service.emit({ event: 'status', payload: { ...sampleStatus(), apiKey: STORED_KEYS[0] } as never });
    pusher.push({ event: 'navigate', payload: { page: 'instances', instanceId: 'radarr' } });
    expect(sent.map(([c]) => c)).toEqual([ipcEventChannel('status'), ipcEventChannel('navigate')]);
    expect(JSON.stringify(sent)).not.toContain(STORED_KEYS[0]);
    destroyed = true;
    service.emit({ event: 'status', payload: sampleStatus() });
    destroyed = false;
    pusher.dispose();
    service.emit({ event: 'status', payload: sampleStatus() });
    expect(sent).toHaveLength(2);
  });
});

describe('preload bridge', () => {
  function fakeRenderer(ipcMain: FakeIpcMain) {
    const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>();
    const ipc: RendererIpc = {
      invoke: (channel, ...args) => ipcMain.invoke(appFrame(), channel, ...args),
      on: (c, l) => void (listeners.get(c) ?? listeners.set(c, new Set()).get(c)!).add(l),
      removeListener: (c, l) => void listeners.get(c)?.delete(l),
    };
    const send = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'ipcRenderer' }, payload));
    return { ipc, send, listeners };
  }

  it('exposes one named method per channel and `on`, nothing else', () => {
    const { ipc } = fakeRenderer(new FakeIpcMain());
    const bridge = createPreloadBridge(ipc);
    expect(Object.keys(bridge).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('round-trips through the router, and listeners get only the payload until unsubscribed', async () => {
    const { ipcMain } = setup();
    const { ipc, send, listeners } = fakeRenderer(ipcMain);
    const api = createApi(createPreloadBridge(ipc));
    expect((await api.getSettings()).instances[0].apiKeyMasked).toBe('••••1a2b');
    await expect(api.removeJob({ instanceId: 'radarr', jobId: '' })).rejects.toThrow('removeJob: jobId: jobId is required');

    const got: unknown[][] = [];
    const unsubscribe = api.on('navigate', (...args: unknown[]) => got.push(args));
    send(ipcEventChannel('navigate'), { page: 'history' });
    unsubscribe();
    unsubscribe();
    send(ipcEventChannel('navigate'), { page: 'jobs' });
    expect(got).toEqual([[{ page: 'history' }]]);
    expect(listeners.get(ipcEventChannel('navigate'))?.size).toBe(0);
    expect(() => api.on('secrets' as never, () => {})).toThrow('unknown event "secrets"');
    expect(EVENT_NAMES).toContain('navigate');
  });
});
