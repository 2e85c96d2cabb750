import { describe, expect, it } from 'vitest';
import { ConfigError, isMaskedApiKey, maskApiKey, redactSettings, resolveApiKey, scrubSecrets, secretsOf } from '../../../src/engine/config';
import { settingsSchema } from '../../../src/shared/settings';

const KEY = '3f9c2a7be1d04c5f8a6e0b9d7c1a1a2b';
const instance = { id: 'radarr-4k', name: 'Radarr 4K', apiKey: KEY };

describe('resolveApiKey', () => {
  it('returns a literal key, or the value of the variable an env: reference names', () => {
    expect(resolveApiKey(instance, {})).toBe(KEY);
    expect(resolveApiKey({ ...instance, apiKey: 'env:RADARR4K_KEY' }, { RADARR4K_KEY: ` ${KEY}\n` })).toBe(KEY);
  });

  it('names the instance and the variable when it is unset or empty, never a key', () => {
    const unset = () => resolveApiKey({ ...instance, apiKey: 'env:RADARR4K_KEY' }, { OTHER: KEY });
    expect(unset).toThrow(ConfigError);
    expect(unset).toThrow('instance "radarr-4k" (Radarr 4K): apiKey is read from the environment variable RADARR4K_KEY, which is not set or empty');
    expect(() => resolveApiKey({ ...instance, apiKey: 'env:RADARR4K_KEY' }, { RADARR4K_KEY: '  ' })).toThrow('not set or empty');
    expect(() => resolveApiKey({ ...instance, apiKey: 'env:RADARR 4K' }, {})).toThrow('apiKey "env:RADARR 4K" does not name an environment variable');
  });

  it('collects every resolvable key for scrubbing', () => {
    const settings = { instances: [instance, { id: 's', name: 'S', apiKey: 'env:S_KEY' }, { id: 't', name: 'T', apiKey: 'env:MISSING' }] };
    expect(secretsOf(settings, { S_KEY: 'abcdefabcdefabcdef' })).toEqual([KEY, 'abcdefabcdefabcdef']);
  });
});

describe('redaction', () => {
  const settings = settingsSchema.parse({
    version: 1,
    instances: [
      { id: 'radarr', name: 'Radarr', kind: 'radarr', url: 'http://localhost:7878', apiKey: KEY },
      { id: 'sonarr', name: 'Sonarr', kind: 'sonarr', url: 'http://localhost:8989', apiKey: 'env:SONARR_KEY' },
      { id: 'short', name: 'Short', kind: 'sonarr', url: 'http://localhost:8990', apiKey: 'tiny-key' },
    ],
  });

  it('masks keys to their last four characters, short keys entirely, env references not at all', () => {
    expect(maskApiKey(KEY)).toBe('••••1a2b');
    expect(maskApiKey('tiny-key')).toBe('••••');
    expect(maskApiKey('env:SONARR_KEY')).toBe('env:SONARR_KEY');
    expect(isMaskedApiKey('••••1a2b')).toBe(true);
    expect(isMaskedApiKey(KEY)).toBe(false);
  });

  it('redactSettings masks or removes keys, includes them only when asked, and never touches the input', () => {
    const masked = redactSettings(settings);
    expect(masked.instances.map((i) => i.apiKey)).toEqual(['••••1a2b', 'env:SONARR_KEY', '••••']);
    expect(JSON.stringify(masked)).not.toContain(KEY);
    const removed = redactSettings(settings, { mode: 'remove' });
    expect(removed.instances.map((i) => 'apiKey' in i)).toEqual([false, true, false]);
    expect(JSON.stringify(removed)).not.toContain('tiny-key');
    expect(redactSettings(settings, { includeKeys: true })).toEqual(settings);
    expect(settings.instances[0].apiKey).toBe(KEY);
    expect({ ...masked, instances: undefined }).toEqual({ ...settings, instances: undefined });
  });

  it('scrubSecrets removes known keys and api-key assignments from free text', () => {
    expect(scrubSecrets(`connect ECONNREFUSED with key ${KEY}`, [KEY])).toBe('connect ECONNREFUSED with key ••••1a2b');
    expect(scrubSecrets('GET /api/v3/system/status?apikey=deadbeefdeadbeef&x=1')).toBe('GET /api/v3/system/status?apikey=••••&x=1');
    expect(scrubSecrets('headers: {"X-Api-Key": "deadbeefdeadbeef"}')).toBe('headers: {"X-Api-Key": "••••"}');
    expect(scrubSecrets('X-Api-Key: deadbeefdeadbeef')).toBe('X-Api-Key: ••••');
    expect(scrubSecrets('API key is required; 401 Unauthorized')).toBe('API key is required; 401 Unauthorized');
    expect(scrubSecrets('short secret abc', ['abc'])).toBe('short secret abc');
  });
});
