/**
 * Which renderer may call the backend: only the top frame of the settings window this process
 * created, showing the app's own page. Pure: the IPC router calls it with the event's sender.
 * (Electron security checklist #17, "validate the sender of all IPC messages".)
 */

/** The parts of Electron's IpcMainInvokeEvent the guard reads. */
export interface SenderInfo {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface SenderGuardOptions {
  /** webContents id of the settings window, undefined while it does not exist */
  trustedWebContentsId: () => number | undefined;
  /** origins the app is loaded from, e.g. "app://trawlarr" (and the dev server in development) */
  appOrigins: readonly string[];
}

/** "app://trawlarr/index.html#/jobs" → "app://trawlarr". WHATWG gives custom schemes an origin of "null", so build it. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Returns why a sender is refused, or undefined when it is trusted. */
export function createSenderGuard(options: SenderGuardOptions): (event: SenderInfo) => string | undefined {
  const origins = new Set(options.appOrigins.map((o) => o.toLowerCase().replace(/\/+$/, '')));
  return (event) => {
    const trusted = options.trustedWebContentsId();
    if (trusted === undefined || event.sender.id !== trusted) return `IPC refused: sender ${event.sender.id} is not the settings window`;
    const frame = event.senderFrame;
    if (!frame) return 'IPC refused: the sending frame is gone';
    if (frame.parent !== null) return 'IPC refused: only the top frame may call';
    const origin = originOf(frame.url);
    if (!origin || !origins.has(origin)) return `IPC refused: a page from ${origin ?? 'an unknown origin'} is not the app`;
    return undefined;
  };
}
