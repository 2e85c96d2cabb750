import { describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  ContractError,
  createApi,
  dispatch,
  engineStatusSchema,
  maskApiKey,
  maskSettings,
  maskedSettingsSchema,
  prepareEvent,
  redactSecrets,
  type TrawlarrBridge,
} from '../../src/shared/contract';
import { createFakeService, KEY_RADARR, sampleSettings, sampleStatus } from './fake-service';

describe('masking', () => {
  it('shows only the last four characters of a real key', () => {
    expect(maskApiKey(KEY_RADARR)).toBe('••••1a2b');
    expect(maskApiKey('short-key')).toBe('••••');
    expect(maskApiKey('')).toBe('');
  });

  it('masks every instance and keeps env references readable', () => {
    const settings = sampleSettings();
    settings.instances[1].apiKey = 'env:SONARR_KEY';
    const masked = maskSettings(settings);
    expect(masked.instances.map((i) => i.apiKeyMasked)).toEqual(['••••1a2b', 'env:SONARR_KEY']);
    expect(masked.instances[1].apiKeyEnv).toBe('SONARR_KEY');
    expect(JSON.stringify(masked)).not.toContain(KEY_RADARR);
    expect(masked.instances.some((i) => 'apiKey' in i)).toBe(false);
  });

  it('the masked settings schema drops an apiKey field a backend left in', () => {
    const leaky = { ...maskSettings(sampleSettings()), instances: sampleSettings().instances.map((i) => ({ ...i, apiKeyMasked: '••••' })) };
    const parsed = maskedSettingsSchema.parse(leaky);
    expect(JSON.stringify(parsed)).not.toContain(KEY_RADARR);
  });

  it('redacts known secrets from text and says so', () => {
    expect(redactSecrets(`x ${KEY_RADARR} y`, [KEY_RADARR])).toEqual({ text: 'x •••• y', redacted: true });
    expect(redactSecrets('nothing here', [KEY_RADARR]).redacted).toBe(false);
  });
});

describe('dispatch', () => {
  it('validates, fills defaults and calls the service', async () => {
    const service = createFakeService();
    const result = await dispatch(service, 'saveJob', { instanceId: 'radarr', job: { id: 'missing', type: 'missing' } });
    expect(result.ok).toBe(true);
    const job = service.settings.instances[0].jobs.find((j) => j.id === 'missing');
    expect(job).toMatchObject({ itemsPerRun: 'auto', unattended: true, graceHours: 3 });
  });

  it('rejects a bad payload naming the field, without calling the service', async () => {
    const service = createFakeService();
    const result = await dispatch(service, 'saveJob', { instanceId: 'radarr', job: { id: 'x', type: 'upgrade', tag: 'Bad Tag!' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (result.ok) return;
    expect(result.error.message).toBe('saveJob: job.tag: tag may contain only a-z, 0-9 and -');
    expect(result.error.issues).toEqual([{ path: ['job', 'tag'], field: 'job.tag', message: 'tag may contain only a-z, 0-9 and -' }]);
    expect(service.calls).toHaveLength(0);
  });

  it('rejects unknown fields (a typo is not silently ignored)', async () => {
    const result = await dispatch(createFakeService(), 'runJobNow', { instanceId: 'radarr', jobid: 'upgrade' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/jobId.*required|jobid/);
  });

  it('requires exactly one key source for a connection test', async () => {
    const result = await dispatch(createFakeService(), 'testConnection', { url: 'http://127.0.0.1:7878', kind: 'radarr' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('give either apiKey or useStoredKeyOf');
  });

  it('refuses an unknown channel', async () => {
    expect(await dispatch(createFakeService(), 'readApiKey', {})).toEqual({ ok: false, error: { code: 'not-found', message: 'unknown channel "readApiKey"' } });
  });

  it('passes a ServiceError through with its code', async () => {
    const result = await dispatch(createFakeService(), 'removeInstance', { instanceId: 'lidarr' });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'no instance "lidarr"' } });
  });

  it('reports a response that breaks the contract instead of sending it', async () => {
    const service = createFakeService();
    service.getStatus = async () => ({ ...sampleStatus(), paused: 'no' }) as never;
    const reported: string[] = [];
    const result = await dispatch(service, 'getStatus', undefined, { onInternalError: (c) => reported.push(c) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('paused');
    expect(reported).toEqual(['getStatus']);
  });

  it('a leaky backend still sends no key, in values or in errors', async () => {
    const service = createFakeService({ leaky: true });
    const outputs = await Promise.all([
      dispatch(service, 'getSettings', {}),
      dispatch(service, 'exportSettings', { includeKeys: true }),
      dispatch(service, 'testConnection', { url: 'http://127.0.0.1:7878', kind: 'radarr', useStoredKeyOf: 'radarr' }),
      dispatch(service, 'exportHistoryCsv', {}),
    ]);
    for (const out of outputs) for (const key of service.secrets()) expect(JSON.stringify(out)).not.toContain(key);
    expect(outputs[0].ok).toBe(true);
  });

  it('events are validated and stripped like responses', () => {
    const service = createFakeService();
    const status = { ...sampleStatus(), apiKey: KEY_RADARR };
    const prepared = prepareEvent(service, { event: 'status', payload: status });
    expect(prepared && JSON.stringify(prepared)).not.toContain(KEY_RADARR);
    expect(engineStatusSchema.safeParse(prepared?.payload).success).toBe(true);
    expect(prepareEvent(service, { event: 'status', payload: { at: 1 } as never })).toBeUndefined();
  });
});

describe('createApi', () => {
  it('resolves values and throws ContractError with per-field issues', async () => {
    const service = createFakeService();
    const bridge = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (request?: unknown) => dispatch(service, name, request)])) as unknown as TrawlarrBridge;
    bridge.on = () => () => {};
    const api = createApi(bridge);
    expect((await api.getStatus()).instances[0].jobs[0].cycle).toBe(3);
    const error = await api.saveInstance({ id: 'new', name: 'New', kind: 'radarr', url: 'not a url' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).issueFor(['url'])).toBe('url must be a full address such as http://localhost:7878');
  });
});
