/** Text formatting for the tray and notifications; locale and time zone injected for tests. */

export interface FormatOptions {
  locale?: string;
  /** IANA zone; default: the system's */
  timeZone?: string;
}

export function formatCount(n: number, options: FormatOptions = {}): string {
  return new Intl.NumberFormat(options.locale ?? 'en-US').format(n);
}

function dayKey(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "14:00" today, "Tue 14:00" within a week, "Feb 3" later. */
export function formatWhen(iso: string, now: Date, options: FormatOptions = {}): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '?';
  const locale = options.locale ?? 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeZone: options.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (dayKey(at, options.timeZone) === dayKey(now, options.timeZone)) return time;
  const days = (at.getTime() - now.getTime()) / 86_400_000;
  if (days > -1 && days < 6.5) {
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone, weekday: 'short' }).format(at);
    return `${weekday} ${time}`;
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone, month: 'short', day: 'numeric' }).format(at);
}
