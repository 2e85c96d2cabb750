import { describe, expect, it } from 'vitest';
import { coverageText, dayToIso, percent, relativeTime } from '../../src/renderer/lib/format';
import { parseRoute, routeHash } from '../../src/renderer/app/router';
import { filterProblem, filterQuery, NO_FILTERS } from '../../src/renderer/stores/history';

describe('display helpers', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('relative times read naturally in both directions', () => {
    expect(relativeTime('2025-06-01T12:00:20Z', now)).toBe('just now');
    expect(relativeTime('2025-06-01T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2025-06-01T15:00:00Z', now)).toBe('in 3 h');
    expect(relativeTime('2025-06-05T12:00:00Z', now)).toBe('in 4 days');
    expect(relativeTime(undefined, now)).toBe('—');
    expect(relativeTime('not a date', now)).toBe('—');
  });
  it('coverage and progress', () => {
    expect(coverageText(22.2)).toBe('in 23 days');
    expect(coverageText(1)).toBe('in 1 day');
    expect(coverageText(0.3)).toBe('within a day');
    expect(coverageText(null)).toBe('never with this throughput');
    expect(percent(412, 1530)).toBe(27);
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 3)).toBe(100);
  });
});

describe('history filters', () => {
  it('turn local days into an inclusive-exclusive instant range (TZ=UTC in tests)', () => {
    expect(filterQuery({ ...NO_FILTERS, from: '2025-03-01', to: '2025-03-31', status: ['grabbed'], instanceId: 'radarr' })).toEqual({
      instanceId: 'radarr',
      status: ['grabbed'],
      since: '2025-03-01T00:00:00.000Z',
      until: '2025-04-01T00:00:00.000Z',
    });
    expect(filterQuery(NO_FILTERS)).toEqual({});
    expect(dayToIso('yesterday')).toBeUndefined();
  });
  it('refuse a range that ends before it starts', () => {
    expect(filterProblem({ ...NO_FILTERS, from: '2025-03-02', to: '2025-03-01' })).toBe('"from" must not be after "to"');
    expect(filterProblem({ ...NO_FILTERS, from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });
});

describe('routes', () => {
  it('parse pages and parameters, defaulting to the dashboard', () => {
    expect(parseRoute('#/jobs?instance=radarr-4k&job=missing')).toEqual({ page: 'jobs', params: { instance: 'radarr-4k', job: 'missing' } });
    expect(parseRoute('#token=abc')).toEqual({ page: 'dashboard', params: {} });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'dashboard', params: {} });
    expect(routeHash({ page: 'history', params: { instance: 'a b' } })).toBe('#/history?instance=a+b');
    expect(parseRoute(routeHash({ page: 'history', params: { instance: 'a b' } })).params.instance).toBe('a b');
  });
});
