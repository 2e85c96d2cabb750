/**
 * Electron glue for notifications: feeds engine events to the policy, shows what it returns, and
 * runs the digest timer. A click opens the settings window on the notification's page.
 */
import { Notification } from 'electron';
import type { NavigateTarget } from '../../shared/contract';
import type { EngineEvent } from '../../shared/status';
import { NotificationPolicy, type NotificationModel, type NotificationSwitches } from './policy';

export interface Notifier {
  onEvent(event: EngineEvent): void;
  dispose(): void;
}

export function createNotifier(options: {
  switches: () => NotificationSwitches;
  openSettings: (target: NavigateTarget) => void;
  iconPath?: string;
  now?: () => Date;
}): Notifier {
  const now = options.now ?? (() => new Date());
  const policy = new NotificationPolicy();
  let timer: NodeJS.Timeout | undefined;
  // keep references: a garbage-collected Notification loses its click handler
  const shown = new Set<Notification>();

  const show = (models: NotificationModel[]) => {
    if (!Notification.isSupported()) return;
    for (const model of models) {
      const n = new Notification({ title: model.title, body: model.body, silent: model.kind === 'grabs', ...(options.iconPath ? { icon: options.iconPath } : {}) });
      shown.add(n);
      n.on('click', () => options.openSettings(model.target));
      n.on('close', () => shown.delete(n));
      n.show();
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    const due = policy.nextDueAt();
    if (!due) return;
    timer = setTimeout(() => show(policy.flushDue(options.switches(), now())), Math.max(0, due.getTime() - now().getTime()));
  };

  return {
    onEvent(event) {
      show(policy.onEvent(event, options.switches(), now()));
      if (event.type === 'grabs') schedule();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      shown.clear();
    },
  };
}
