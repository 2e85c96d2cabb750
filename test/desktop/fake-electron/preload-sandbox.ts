/**
 * The sandboxed preload as Electron runs it: the CommonJS file wrapped in a function whose
 * `require` knows only what a sandboxed preload may load ('electron''s renderer modules; the
 * sandbox's events/timers/url polyfills are not provided here and say so), and a contextBridge
 * that refuses to overwrite a window property. IPC goes through a playwright binding to the fake
 * ipcMain in the main process.
 */
export const INVOKE_BINDING = '__fakeElectronInvoke';
export const EMIT_FUNCTION = '__fakeElectronEmit';

export function sandboxedPreloadScript(preloadSource: string, preloadPath: string): string {
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window.${INVOKE_BINDING}(channel, args).then((r) => { if ('error' in r) throw new Error(r.error); return r.value; }),
    on(channel, listener) { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); return ipcRenderer; },
    once(channel, listener) { const w = (e, ...a) => { ipcRenderer.removeListener(channel, w); listener(e, ...a); }; return ipcRenderer.on(channel, w); },
    removeListener(channel, listener) { listeners.get(channel)?.delete(listener); return ipcRenderer; },
    removeAllListeners(channel) { listeners.delete(channel); return ipcRenderer; },
    send() { throw new Error('the fake supports invoke only'); },
    sendSync() { throw new Error('the fake supports invoke only'); },
  };
  Object.defineProperty(window, '${EMIT_FUNCTION}', { value: (channel, args) => { for (const l of [...(listeners.get(channel) ?? [])]) l({ sender: ipcRenderer }, ...args); } });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, { value: api, enumerable: true });
    },
  };
  const electron = { ipcRenderer, contextBridge };
  const sandboxPolyfills = ['events', 'timers', 'url'];
  const require = (id) => {
    if (id === 'electron' || id === 'electron/renderer') return electron;
    if (sandboxPolyfills.includes(id)) throw new Error('the harness does not provide the sandbox polyfill "' + id + '"');
    const error = new Error("module not found: " + id);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  };
  const module = { exports: {} };
  (function (exports, require, module, __filename, __dirname) {
${preloadSource}
  })(module.exports, require, module, ${JSON.stringify(preloadPath)}, ${JSON.stringify(preloadPath.replace(/\/[^/]*$/, ''))});
})();`;
}
