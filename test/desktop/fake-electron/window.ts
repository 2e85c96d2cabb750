/**
 * BrowserWindow and its webContents, rendered by a real Chromium page: the real preload runs as a
 * sandboxed preload (./preload-sandbox.ts) and the real renderer from the app's protocol handler.
 * close() runs the page's beforeunload; a page that keeps it makes Electron emit
 * will-prevent-unload, and the window closes only if a listener prevents that event's default.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { app, onBeforeExit, openWindows } from './app';
import { invokeFromRenderer } from './ipc';
import { EMIT_FUNCTION, INVOKE_BINDING, sandboxedPreloadScript } from './preload-sandbox';
import { serve, toAppUrl, toBrowserUrl } from './protocol';
import { preventable, record, records, requireReady, type WindowRecord } from './state';

let browser: Promise<Browser> | undefined;
export function setBrowser(connect: () => Promise<Browser>): void {
  browser = connect();
  onBeforeExit(async () => (await browser)?.close());
}

let nextId = 1;

interface WebPreferences {
  preload?: string;
  sandbox?: boolean;
  contextIsolation?: boolean;
  nodeIntegration?: boolean;
}

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  private readonly owner: BrowserWindow;
  constructor(owner: BrowserWindow) {
    super();
    this.owner = owner;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
    this.owner.record.windowOpenHandler = true;
  }
  override on(event: string, listener: (...args: never[]) => void): this {
    this.owner.record.listening.push(event);
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  isDestroyed(): boolean {
    return this.owner.isDestroyed();
  }
  getURL(): string {
    return this.owner.record.url ?? '';
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.isDestroyed()) throw new TypeError('Object has been destroyed (webContents.send)');
    const payload = structuredClone(args);
    void this.owner.page.then((page) => page.evaluate(([c, a, fn]) => (globalThis as unknown as Record<string, (c: string, a: unknown[]) => void>)[fn as string]?.(c as string, a as unknown[]), [channel, payload, EMIT_FUNCTION] as const)).catch(() => undefined);
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return [...openWindows].filter((w): w is BrowserWindow => w instanceof BrowserWindow && !w.isDestroyed());
  }

  readonly webContents: WebContents;
  readonly record: WindowRecord;
  readonly page: Promise<Page>;
  private destroyed = false;
  private minimized = false;
  private pendingClose: ((result: 'closed' | 'refused') => void) | undefined;

  constructor(options: { show?: boolean; webPreferences?: WebPreferences } = {}) {
    super();
    requireReady('new BrowserWindow()');
    const prefs = options.webPreferences ?? {};
    if (prefs.sandbox !== true || prefs.contextIsolation === false || prefs.nodeIntegration === true) {
      throw new Error('the fake renders sandboxed, context-isolated windows only');
    }
    this.record = { id: nextId, visible: options.show !== false, destroyed: false, options, listening: [], windowOpenHandler: false };
    this.webContents = new WebContents(this);
    records.windows.push(this.record);
    openWindows.add(this);
    record('new BrowserWindow');
    app.emit('web-contents-created', preventable(), this.webContents);
    this.page = this.openPage(prefs.preload);
  }

  private async openPage(preload: string | undefined): Promise<Page> {
    if (!browser) throw new Error('no browser connected');
    const context = await (await browser).newContext({ viewport: { width: 1100, height: 760 } });
    await context.route('**/*', async (route) => {
      const response = await serve(route.request().url()).catch(() => new Response(null, { status: 500 }));
      if (!response) return route.abort();
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    });
    await context.exposeBinding(INVOKE_BINDING, async (source, channel: string, args: unknown[]) => {
      const frame = source.frame;
      const event = { sender: this.webContents, senderFrame: { url: toAppUrl(frame.url()), parent: frame.parentFrame() ? {} : null }, processId: 1, frameId: 1 };
      return invokeFromRenderer(channel, event, args);
    });
    if (preload) await context.addInitScript({ content: sandboxedPreloadScript(readFileSync(preload, 'utf8'), preload) });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      if (dialog.type() !== 'beforeunload') return void dialog.dismiss();
      const event = preventable();
      this.webContents.emit('will-prevent-unload', event);
      if (event.defaultPrevented) return void dialog.accept();
      void dialog.dismiss();
      this.pendingClose?.('refused');
      this.pendingClose = undefined;
    });
    page.on('close', () => this.markClosed());
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.record.url = toAppUrl(frame.url());
    });
    return page;
  }

  private alive(api: string): void {
    if (this.destroyed) throw new TypeError(`Object has been destroyed (BrowserWindow.${api})`);
  }

  async loadURL(url: string): Promise<void> {
    this.alive('loadURL');
    record(`BrowserWindow.loadURL(${url})`);
    const page = await this.page;
    await page.goto(toBrowserUrl(url));
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }

  show(): void {
    this.alive('show');
    this.record.visible = true;
    this.minimized = false;
  }
  hide(): void {
    this.alive('hide');
    this.record.visible = false;
  }
  focus(): void {
    this.alive('focus');
    record('BrowserWindow.focus');
  }
  isVisible(): boolean {
    return !this.destroyed && this.record.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** the user's close button, or app.quit() asking */
  close(): void {
    if (this.destroyed) return;
    void this.attemptClose();
  }

  attemptClose(): Promise<'closed' | 'refused'> {
    if (this.destroyed) return Promise.resolve('closed');
    const close = preventable();
    this.emit('close', close);
    if (close.defaultPrevented) return Promise.resolve('refused');
    return new Promise((resolve) => {
      this.pendingClose = resolve;
      void this.page.then((page) => page.close({ runBeforeUnload: true }));
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    void this.page.then((page) => page.close());
    this.markClosed();
  }

  private markClosed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.record.destroyed = true;
    this.record.visible = false;
    openWindows.delete(this);
    void this.page.then((page) => page.context().close()).catch(() => undefined);
    this.pendingClose?.('closed');
    this.pendingClose = undefined;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.lastWindowClosed();
  }
}
