/**
 * Menu and MenuItem with Electron's template validation (lib/browser/api/menu.ts and
 * menu-item.ts): a template is an array, each item has a label, a role or type "separator",
 * types are known, a submenu item has a submenu, click is a function.
 */
import type { MenuRecord } from './state';
import { record } from './state';

const TYPES = ['normal', 'separator', 'submenu', 'checkbox', 'radio'];

export interface TemplateItem {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  submenu?: TemplateItem[] | Menu;
  click?: (item: MenuItem, window: undefined, event: object) => void;
}

export class MenuItem {
  readonly id?: string;
  readonly label: string;
  readonly type: string;
  readonly enabled: boolean;
  readonly visible: boolean;
  checked: boolean;
  readonly submenu?: Menu;
  readonly click?: TemplateItem['click'];

  constructor(options: TemplateItem) {
    let type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    if (!TYPES.includes(type)) throw new Error(`Unknown menu item type: ${type}`);
    if (options.submenu && type !== 'submenu') type = 'submenu';
    if (type === 'submenu' && !options.submenu) throw new Error('Invalid submenu');
    if (options.click !== undefined && typeof options.click !== 'function') throw new TypeError('click must be a function');
    this.id = options.id;
    this.label = options.label ?? '';
    this.type = type;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    this.click = options.click;
    if (options.submenu) this.submenu = options.submenu instanceof Menu ? options.submenu : Menu.buildFromTemplate(options.submenu);
  }
}

export class Menu {
  readonly items: MenuItem[] = [];

  static buildFromTemplate(template: unknown): Menu {
    record('Menu.buildFromTemplate');
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every(
      (item: unknown) =>
        item != null &&
        typeof item === 'object' &&
        (Object.prototype.hasOwnProperty.call(item, 'label') || Object.prototype.hasOwnProperty.call(item, 'role') || (item as TemplateItem).type === 'separator'),
    );
    if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new Menu();
    for (const item of template as TemplateItem[]) menu.items.push(new MenuItem(item));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    record(`Menu.setApplicationMenu(${menu ? 'menu' : 'null'})`);
  }
}

export function menuRecord(menu: Menu): MenuRecord[] {
  return menu.items
    .filter((i) => i.visible)
    .map((i) => ({
      label: i.label,
      type: i.type,
      enabled: i.enabled,
      ...(i.type === 'checkbox' || i.type === 'radio' ? { checked: i.checked } : {}),
      ...(i.submenu ? { submenu: menuRecord(i.submenu) } : {}),
    }));
}

/** The item a user reaches by following labels (["Radarr", "Run now"]); errors say what was there instead. */
export function findMenuItem(menu: Menu, path: readonly string[]): MenuItem {
  let items = menu.items;
  let found: MenuItem | undefined;
  for (const [depth, label] of path.entries()) {
    // a label with live status ("Missing · cycle 1 · 3/40") is found by its first part
    found = items.find((i) => i.visible && (i.label === label || i.label.startsWith(`${label} · `)));
    if (!found) throw new Error(`no menu item "${label}" at ${path.slice(0, depth).join(' > ') || 'the top'}; there are: ${items.map((i) => JSON.stringify(i.label)).join(', ')}`);
    if (!found.enabled) throw new Error(`menu item "${path.slice(0, depth + 1).join(' > ')}" is disabled`);
    if (depth < path.length - 1) {
      if (!found.submenu) throw new Error(`menu item "${label}" has no submenu`);
      items = found.submenu.items;
    }
  }
  if (!found) throw new Error('empty menu path');
  return found;
}
