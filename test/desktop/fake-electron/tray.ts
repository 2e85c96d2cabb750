/** Tray and nativeImage: what the user sees in the tray, and clicks on it. */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { findMenuItem, menuRecord, type Menu } from './menu';
import { record, records, requireReady } from './state';

export class NativeImage {
  readonly path: string;
  constructor(path: string) {
    this.path = path;
  }
  isEmpty(): boolean {
    return !existsSync(this.path);
  }
}

export const nativeImage = {
  createFromPath(path: string): NativeImage {
    return new NativeImage(path);
  },
  createEmpty(): NativeImage {
    return new NativeImage('');
  },
};

const trays: Tray[] = [];

export class Tray extends EventEmitter {
  private destroyed = false;
  private menu: Menu | undefined;

  constructor(image: NativeImage | string) {
    super();
    requireReady('new Tray()');
    record('new Tray');
    trays.push(this);
    records.tray.created = true;
    this.applyImage(image);
    this.on('newListener', (event: string) => {
      if (event === 'click') records.tray.clickListeners++;
    });
  }

  private alive(api: string): void {
    if (this.destroyed) throw new TypeError(`Object has been destroyed (Tray.${api})`);
  }

  private applyImage(image: NativeImage | string): void {
    const path = typeof image === 'string' ? image : image.path;
    records.tray.image = path;
    records.tray.imageExists = existsSync(path);
  }

  setImage(image: NativeImage | string): void {
    this.alive('setImage');
    record('Tray.setImage');
    this.applyImage(image);
  }

  setToolTip(text: string): void {
    this.alive('setToolTip');
    records.tray.tooltip = text;
  }

  setContextMenu(menu: Menu | null): void {
    this.alive('setContextMenu');
    record('Tray.setContextMenu');
    this.menu = menu ?? undefined;
    records.tray.contextMenuSets++;
    const next = menu ? menuRecord(menu) : undefined;
    // on Linux every set re-exports the whole menu over DBus: a set that changes nothing is waste
    if (JSON.stringify(next) === JSON.stringify(records.tray.menu)) records.tray.repeatedMenuSets++;
    records.tray.menu = next;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    record('Tray.destroy');
    this.destroyed = true;
    records.tray.destroyed = true;
  }

  /** the user's left click on the icon */
  userClick(): void {
    this.alive('click');
    this.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 }, { x: 0, y: 0 });
  }

  /** the user opens the context menu and picks an item */
  userPick(path: readonly string[]): void {
    this.alive('menu');
    if (!this.menu) throw new Error('the tray has no context menu');
    const item = findMenuItem(this.menu, path);
    if (item.type === 'checkbox') item.checked = !item.checked;
    item.click?.(item, undefined, {});
  }
}

export function currentTray(): Tray {
  const current = trays.at(-1);
  if (!current || current.isDestroyed()) throw new Error('there is no tray icon');
  return current;
}
