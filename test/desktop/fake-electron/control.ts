/**
 * The test's hands: commands from the test process (over the fork channel) that act as the user
 * and the OS (tray clicks, notification clicks, dialogs, sleep, the window's page), and the
 * records it reads back.
 */
import type { Page } from 'playwright-core';
import { powerMonitor, dialogAnswers, shownNotifications } from './shell-apis';
import { records } from './state';
import { currentTray } from './tray';
import { BrowserWindow } from './window';

export type Command =
  | { cmd: 'records' }
  | { cmd: 'trayClick' }
  | { cmd: 'trayPick'; path: string[] }
  | { cmd: 'notificationClick'; title: string }
  | { cmd: 'power'; event: 'suspend' | 'resume' }
  | { cmd: 'answerDialogs'; buttons: string[] }
  | { cmd: 'closeWindow' }
  | { cmd: 'page'; op: 'heading' }
  | { cmd: 'page'; op: 'fill' | 'select'; label: string; value: string; form?: string }
  | { cmd: 'page'; op: 'click'; role: 'button' | 'link'; name: string; form?: string }
  | { cmd: 'page'; op: 'waitText'; text: string }
  | { cmd: 'page'; op: 'eval'; expression: string };

function visibleWindow(): BrowserWindow {
  const window = BrowserWindow.getAllWindows().find((w) => w.isVisible());
  if (!window) throw new Error('no window is open');
  return window;
}

async function pageCommand(page: Page, command: Extract<Command, { cmd: 'page' }>): Promise<unknown> {
  switch (command.op) {
    case 'heading': {
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.first().waitFor({ timeout: 15_000 });
      return h1.first().innerText();
    }
    case 'fill':
    case 'select': {
      const scope = command.form ? page.getByRole('form', { name: command.form }) : page;
      const field = scope.getByLabel(command.label, { exact: true });
      return command.op === 'fill' ? field.fill(command.value) : field.selectOption(command.value);
    }
    case 'click': {
      const scope = command.form ? page.getByRole('form', { name: command.form }) : page;
      return scope.getByRole(command.role, { name: command.name, exact: true }).first().click();
    }
    case 'waitText':
      return page.getByText(command.text).first().waitFor({ timeout: 15_000 });
    case 'eval':
      return page.evaluate(command.expression);
  }
}

async function run(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'records':
      return records;
    case 'trayClick':
      return currentTray().userClick();
    case 'trayPick':
      return currentTray().userPick(command.path);
    case 'notificationClick': {
      const shown = shownNotifications.filter((n) => n.record.title.includes(command.title));
      if (shown.length !== 1) throw new Error(`${shown.length} notifications titled "${command.title}"; shown: ${records.notifications.map((n) => n.title).join(' | ')}`);
      shown[0].record.clicked = true;
      return void shown[0].emit('click', {});
    }
    case 'power':
      return void powerMonitor.emit(command.event);
    case 'answerDialogs':
      return void dialogAnswers.push(...command.buttons);
    case 'closeWindow':
      return visibleWindow().attemptClose();
    case 'page':
      return pageCommand(await visibleWindow().page, command);
  }
}

export function listen(): void {
  process.on('message', (message: { id: number } & Command) => {
    run(message).then(
      (value) => process.send?.({ type: 'reply', id: message.id, ok: true, value: value === undefined ? null : value }),
      (error: unknown) => process.send?.({ type: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
