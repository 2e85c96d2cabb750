/**
 * Electron glue for the tray: turns the menu model into a native menu and the icon state into an
 * image. The menu is re-set only when the rendered model changed: on Linux each setContextMenu
 * re-exports the whole menu over DBus (and a menu changed in place after setContextMenu is not
 * reliably shown, so a changed menu is a fresh one). A left click opens the window where the
 * platform emits `click` (Windows, KDE); macOS opens the menu itself.
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

export function createTray(options: { assetsDir: string; onAction: (action: TrayAction) => void; onClick: () => void; now?: () => Date }): TrayController {
  const image = (state: ReturnType<typeof trayIconState>) => nativeImage.createFromPath(join(options.assetsDir, trayIconFileName(state, process.platform)));
  const tray = new Tray(image('idle'));
  if (process.platform !== 'darwin') tray.on('click', () => options.onClick());
  let shown = { icon: 'idle', tooltip: '', menu: '' };

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
      const icon = trayIconState(status);
      const menuOptions = { now: options.now?.() ?? new Date(), launchAtLogin };
      const tooltip = trayTooltip(status, menuOptions);
      const model = buildTrayMenu(status, menuOptions);
      const menu = JSON.stringify(model);
      if (icon !== shown.icon) tray.setImage(image(icon));
      if (tooltip !== shown.tooltip) tray.setToolTip(tooltip);
      if (menu !== shown.menu) tray.setContextMenu(Menu.buildFromTemplate(toNative(model)));
      shown = { icon, tooltip, menu };
    },
    destroy: () => tray.destroy(),
  };
}
