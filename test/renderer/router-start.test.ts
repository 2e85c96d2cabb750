/** Where the settings window starts: its hash route, else the page the desktop shell opened it on. */
import { describe, expect, it } from 'vitest';
import { initialRoute } from '../../src/renderer/app/router';
import { navigateTargetToSearch } from '../../src/shared/contract/navigation';

describe('the start page', () => {
  it('follows the query the desktop shell loads (a notification click while the window was closed)', () => {
    const search = navigateTargetToSearch({ page: 'history', instanceId: 'radarr', jobId: 'missing' });
    expect(initialRoute('', search)).toEqual({ page: 'history', params: { instance: 'radarr', job: 'missing' } });
    expect(initialRoute('', '?page=instances')).toEqual({ page: 'instances', params: {} });
  });

  it('a hash route wins (reload, Back), and unknown pages fall back to the Dashboard', () => {
    expect(initialRoute('#/jobs', '?page=history')).toEqual({ page: 'jobs', params: {} });
    expect(initialRoute('', '?page=nowhere')).toEqual({ page: 'dashboard', params: {} });
    expect(initialRoute('#token=abc', '')).toEqual({ page: 'dashboard', params: {} });
  });
});
