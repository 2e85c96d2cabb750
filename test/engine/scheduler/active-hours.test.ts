import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHours, activeEnd, isActive, nextActiveStart } from '../../../src/engine/scheduler/active-hours';

const MIN = 60_000;
const utc = (iso: string) => Date.parse(iso);

describe('windows', () => {
  it('an empty list means always', () => {
    const t = utc('2026-01-05T12:34:56Z');
    expect(isActive(t, [], 'Europe/Berlin')).toBe(true);
    expect(nextActiveStart(t, [], 'Europe/Berlin')).toBe(t);
    expect(activeEnd(t, [], 'Europe/Berlin')).toBe(Infinity);
  });

  it('a window crossing midnight, in local time (Berlin is UTC+1 in January)', () => {
    const w = [{ start: '22:00', end: '06:00' }];
    expect(isActive(utc('2026-01-05T22:00:00Z'), w, 'Europe/Berlin')).toBe(true); // 23:00
    expect(isActive(utc('2026-01-06T04:59:00Z'), w, 'Europe/Berlin')).toBe(true); // 05:59
    expect(isActive(utc('2026-01-06T05:00:00Z'), w, 'Europe/Berlin')).toBe(false); // 06:00: end is exclusive
    expect(isActive(utc('2026-01-05T20:59:59Z'), w, 'Europe/Berlin')).toBe(false); // 21:59:59
    expect(nextActiveStart(utc('2026-01-05T11:00:00Z'), w, 'Europe/Berlin')).toBe(utc('2026-01-05T21:00:00Z'));
    expect(activeEnd(utc('2026-01-05T22:00:00Z'), w, 'Europe/Berlin')).toBe(utc('2026-01-06T05:00:00Z'));
  });

  it('several windows; overlapping ones merge', () => {
    const hours = new ActiveHours(
      [
        { start: '01:00', end: '03:00' },
        { start: '02:30', end: '04:00' },
        { start: '13:00', end: '14:00' },
      ],
      'UTC',
    );
    expect(hours.activeEnd(utc('2026-01-05T01:10:00Z'))).toBe(utc('2026-01-05T04:00:00Z'));
    expect(hours.nextActiveStart(utc('2026-01-05T04:00:00Z'))).toBe(utc('2026-01-05T13:00:00Z'));
    expect(hours.nextActiveStart(utc('2026-01-05T14:00:00Z'))).toBe(utc('2026-01-06T01:00:00Z'));
    expect(hours.minutesPerDay()).toBe(4 * 60);
  });

  it('windows that cover the whole day never end', () => {
    const hours = new ActiveHours([{ start: '00:00', end: '12:00' }, { start: '12:00', end: '00:00' }], 'UTC');
    expect(hours.activeEnd(utc('2026-01-05T11:00:00Z'))).toBe(Infinity);
  });

  it('rejects malformed windows and zones with a clear message', () => {
    expect(() => new ActiveHours([{ start: '25:00', end: '06:00' }], 'UTC')).toThrow(/window 1 start "25:00"/);
    expect(() => new ActiveHours([{ start: '06:00', end: '06:00' }], 'UTC')).toThrow(/window 1 starts and ends at 06:00/);
    expect(() => new ActiveHours([], 'Nowhere/Land')).toThrow(/unknown time zone "Nowhere\/Land"/);
  });
});

describe('daylight-saving changes', () => {
  // Berlin: 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z); 2026-10-25 03:00 CEST -> 02:00 CET (01:00Z)
  it('spring forward: a window starting at 02:30 starts when the clock jumps to 03:00', () => {
    const w = [{ start: '02:30', end: '04:00' }];
    expect(nextActiveStart(utc('2026-03-28T12:00:00Z'), w, 'Europe/Berlin')).toBe(utc('2026-03-29T01:00:00Z'));
    expect(activeEnd(utc('2026-03-29T01:00:00Z'), w, 'Europe/Berlin')).toBe(utc('2026-03-29T02:00:00Z'));
    // the next day it starts at 02:30 CEST again
    expect(nextActiveStart(utc('2026-03-29T02:00:00Z'), w, 'Europe/Berlin')).toBe(utc('2026-03-30T00:30:00Z'));
  });

  it('spring forward: a later window is not overshot by the lost hour', () => {
    const w = [{ start: '05:00', end: '06:00' }];
    expect(nextActiveStart(utc('2026-03-28T23:00:00Z'), w, 'Europe/Berlin')).toBe(utc('2026-03-29T03:00:00Z'));
  });

  it('spring forward: a window inside the lost hour does not happen that day', () => {
    const w = [{ start: '02:15', end: '02:45' }];
    expect(nextActiveStart(utc('2026-03-29T00:00:00Z'), w, 'Europe/Berlin')).toBe(utc('2026-03-30T00:15:00Z'));
  });

  it('autumn: a window in the repeated hour is active both times the clock shows it', () => {
    const w = [{ start: '02:00', end: '02:30' }];
    const hours = new ActiveHours(w, 'Europe/Berlin');
    expect(hours.nextActiveStart(utc('2026-10-24T12:00:00Z'))).toBe(utc('2026-10-25T00:00:00Z')); // 02:00 CEST
    expect(hours.activeEnd(utc('2026-10-25T00:00:00Z'))).toBe(utc('2026-10-25T00:30:00Z'));
    expect(hours.nextActiveStart(utc('2026-10-25T00:30:00Z'))).toBe(utc('2026-10-25T01:00:00Z')); // 02:00 CET
    expect(hours.activeEnd(utc('2026-10-25T01:00:00Z'))).toBe(utc('2026-10-25T01:30:00Z'));
  });

  it('New York: 2026-03-08 02:00 EST -> 03:00 EDT and 2026-11-01 02:00 EDT -> 01:00 EST', () => {
    const w = [{ start: '01:00', end: '07:00' }];
    const ny = new ActiveHours(w, 'America/New_York');
    // spring: 01:00 EST (06:00Z) to 07:00 EDT (11:00Z): five hours of real time
    expect(ny.nextActiveStart(utc('2026-03-07T20:00:00Z'))).toBe(utc('2026-03-08T06:00:00Z'));
    expect(ny.activeEnd(utc('2026-03-08T06:00:00Z'))).toBe(utc('2026-03-08T11:00:00Z'));
    // autumn: 01:00 EDT (05:00Z) to 07:00 EST (12:00Z): seven hours
    expect(ny.nextActiveStart(utc('2026-10-31T20:00:00Z'))).toBe(utc('2026-11-01T05:00:00Z'));
    expect(ny.activeEnd(utc('2026-11-01T05:00:00Z'))).toBe(utc('2026-11-01T12:00:00Z'));
  });
});

describe('properties (checked against a minute-by-minute scan)', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  // around the 2026 DST changes of these zones, and a quiet week
  const anchors = ['2026-03-08T00:00:00Z', '2026-03-29T00:00:00Z', '2026-04-05T00:00:00Z', '2026-10-04T00:00:00Z', '2026-10-25T00:00:00Z', '2026-11-01T00:00:00Z', '2026-06-15T00:00:00Z'].map(utc);
  const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 7)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const windows = fc.array(fc.record({ start: hhmm, end: hhmm }).filter((w) => w.start !== w.end), { minLength: 1, maxLength: 3 });
  const instant = fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -36 * 60, max: 36 * 60 }), fc.integer({ min: 0, max: 59_999 })).map(([a, m, ms]) => a + m * MIN + ms);

  /** independent of the module: the local clock as Intl prints it, compared as "HH:MM" text */
  const printers = new Map(zones.map((tz) => [tz, new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })]));
  const reference = (t: number, ws: { start: string; end: string }[], tz: string) => {
    const local = printers.get(tz)!.format(t);
    return ws.some((w) => (w.start < w.end ? local >= w.start && local < w.end : local >= w.start || local < w.end));
  };
  const scan = (t: number, wanted: boolean, ws: { start: string; end: string }[], tz: string) => {
    if (reference(t, ws, tz) === wanted) return t;
    for (let m = Math.floor(t / MIN) * MIN + MIN; m < t + 3 * 1440 * MIN; m += MIN) if (reference(m, ws, tz) === wanted) return m;
    return Infinity;
  };

  it('isActive agrees with the local clock', () => {
    fc.assert(
      fc.property(windows, instant, fc.constantFrom(...zones), (ws, t, tz) => {
        expect(isActive(t, ws, tz)).toBe(reference(t, ws, tz));
      }),
      { numRuns: 500 },
    );
  });

  it('nextActiveStart is the first active instant and activeEnd the first inactive one', () => {
    fc.assert(
      fc.property(windows, instant, fc.constantFrom(...zones), (ws, t, tz) => {
        const hours = new ActiveHours(ws, tz);
        expect(hours.nextActiveStart(t)).toBe(scan(t, true, ws, tz));
        const end = hours.activeEnd(t);
        const expected = scan(t, false, ws, tz);
        expect(end).toBe(expected === Infinity && hours.minutesPerDay() === 1440 ? Infinity : expected);
      }),
      { numRuns: 400 },
    );
  });
});
