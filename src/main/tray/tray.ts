/**
 * Electron glue for the tray: turns the menu model into a native menu and the icon state into an
 * image. The menu is rebuilt and re-set on every update: on Linux (AppIndicator) a menu changed
 * after setContextMenu is not reliably shown, so a fresh one is the only safe way.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { EngineStatus } from '../../shared/status';
import { trayIconFileName } from './icons';
import { buildTrayMenu, trayIconState, trayTooltip, type TrayAction, type TrayMenuItem, type TrayMenuOptions } from './menu-model';

export interface TrayController {
  update(status: EngineStatus | undefined, launchAtLogin: TrayMenuOptions['launchAtLogin']): void;
  destroy(): void;
}

export function createTray(options: { assetsDir: string; onAction: (action: TrayAction) => void; now?: () => Date }): TrayController {
  const image = (state: ReturnType<typeof trayIconState>) => nativeImage.createFromPath(join(options.assetsDir, trayIconFileName(state, process.platform)));
  const tray = new Tray(image('idle'));
  let lastIcon = 'idle';

  const toNative = (items: TrayMenuItem[]): MenuItemConstructorOptions[] =>
    items.map((item) => {
      if (item.kind === 'separator') return { type: 'separator' };
      const action = item.action;
      return {
        id: item.id,
        label: item.label,
        enabled: item.enabled,
        ...(item.kind === 'checkbox' ? { type: 'checkbox' as const, checked: item.checked ?? false } : {}),
        ...(item.kind === 'submenu' ? { submenu: toNative(item.submenu ?? []) } : {}),
        ...(action ? { click: () => options.onAction(action) } : {}),
      };
    });

  return {
    update(status, launchAtLogin) {
      const state = trayIconState(status);
      if (state !== lastIcon) {
        tray.setImage(image(state));
        lastIcon = state;
      }
      tray.setToolTip(trayTooltip(status));
      const model = buildTrayMenu(status, { now: options.now?.() ?? new Date(), launchAtLogin });
      tray.setContextMenu(Menu.buildFromTemplate(toNative(model)));
    },
    destroy: () => tray.destroy(),
  };
}
