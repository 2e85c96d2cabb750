/** The lines `trawlarr run` logs for engine events. */
import { describe, expect, it } from 'vitest';
import { eventLine } from '../../src/cli/events-log';

describe('run log lines', () => {
  it('an instance going down is said once, without a doubled state word', () => {
    const line = eventLine({ type: 'instance-down', instanceId: 'radarr', name: 'Radarr', kind: 'radarr', state: 'down', message: 'Radarr: connection refused at http://127.0.0.1:7878. Is Radarr running, and is the port right?', at: '2026-01-01T00:00:00.000Z' });
    expect(line).toBe('2026-01-01T00:00:00.000Z Radarr: connection refused at http://127.0.0.1:7878. Is Radarr running, and is the port right? Searches there wait and retry.');
    expect(line).not.toMatch(/\(down\)|is down/);
  });
});
