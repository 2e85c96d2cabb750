import { describe, expect, it } from 'vitest';
import { KEY_FOR_NEW_ADDRESS, connectionRefusal, emptyInstance, slugify, toDraft, validateInstance } from '../../src/renderer/pages/instances/instanceForm';
import { ContractError, SAVE_ANYWAY_PATH, instanceDraftSchema } from '../../src/shared/contract';

const filled = { ...emptyInstance('sonarr'), id: 'sonarr', name: 'Sonarr', apiKey: 'abcdef0123456789abcdef0123456789' };

describe('instance form model', () => {
  it('derives a valid id from the name', () => {
    expect(slugify('Radarr 4K')).toBe('radarr-4k');
    expect(slugify('  Sonarr (Anime)!  ')).toBe('sonarr-anime');
    expect(slugify('Ünïcode Ström')).toBe('unicode-strom');
    expect(slugify('x'.repeat(60))).toHaveLength(40);
  });

  it('requires a key for a new instance, and keeps the stored one when editing with the field empty', () => {
    expect(validateInstance({ ...filled, apiKey: '' }, { isNew: true, existingIds: [] }).apiKey).toMatch(/^API key is required/);
    expect(validateInstance({ ...filled, apiKey: '' }, { isNew: false, existingIds: ['sonarr'] })).toEqual({});
    expect(toDraft({ ...filled, apiKey: '' })).not.toHaveProperty('apiKey');
    expect(toDraft({ ...filled, apiKey: '  ' })).not.toHaveProperty('apiKey');
  });

  it('asks for the key again when an edited instance gets another address (the stored key stays with its own)', () => {
    const editing = { isNew: false, existingIds: ['sonarr'], storedUrl: 'http://localhost:8989' };
    expect(validateInstance({ ...filled, apiKey: '' }, editing)).toEqual({});
    expect(validateInstance({ ...filled, apiKey: '', url: 'http://localhost:8989/' }, editing)).toEqual({});
    for (const url of ['http://nas.lan:8989', 'http://localhost:8990', 'https://localhost:8989', 'http://localhost:8989/sonarr']) {
      expect(validateInstance({ ...filled, apiKey: '', url }, editing).apiKey, url).toBe(KEY_FOR_NEW_ADDRESS);
      expect(validateInstance({ ...filled, url }, editing), url).toEqual({});
    }
  });

  it('refuses a typed env: reference: those are written in the config file only', () => {
    expect(validateInstance({ ...filled, apiKey: 'env:HOME' }, { isNew: true, existingIds: [] }).apiKey).toMatch(/env:VARIABLE references can only be written in the config file/);
  });

  it('refuses an id that exists, only when adding', () => {
    expect(validateInstance(filled, { isNew: true, existingIds: ['sonarr'] }).id).toBe('an instance with id "sonarr" already exists');
    expect(validateInstance(filled, { isNew: false, existingIds: ['sonarr'] })).toEqual({});
  });

  it('reports a bad address with the schema message', () => {
    expect(validateInstance({ ...filled, url: 'localhost:8989' }, { isNew: true, existingIds: [] }).url).toMatch(/full address|http:\/\//);
  });

  it('builds a request the contract accepts: no empty budget group, no unknown fields', () => {
    const draft = toDraft(filled);
    expect(draft).not.toHaveProperty('budgetGroup');
    expect(instanceDraftSchema.safeParse(draft).success).toBe(true);
    expect(toDraft({ ...filled, budgetGroup: 'shared' }).budgetGroup).toBe('shared');
  });
});

describe('saving when the connection test fails', () => {
  it('recognises the backend refusing a save for its connection test, and nothing else, as a case for "Save anyway"', () => {
    const refused = new ContractError('saveInstance', {
      code: 'unavailable',
      message: 'the connection test failed: Radarr: connection refused at http://127.0.0.1:7878. Correct the address or key, or save anyway to keep it as it is.',
      issues: [{ path: [...SAVE_ANYWAY_PATH], field: 'connection', message: 'Radarr: connection refused at http://127.0.0.1:7878.' }],
    });
    expect(connectionRefusal(refused)).toBe('Radarr: connection refused at http://127.0.0.1:7878.');
    // Trawlarr itself unreachable (the HTTP bridge) or a bad field: saving anyway would not help
    expect(connectionRefusal(new ContractError('saveInstance', { code: 'unavailable', message: 'cannot reach Trawlarr: fetch failed' }))).toBeUndefined();
    expect(connectionRefusal(new ContractError('saveInstance', { code: 'invalid-request', message: 'x', issues: [{ path: ['url'], field: 'url', message: 'bad' }] }))).toBeUndefined();
    expect(connectionRefusal(new Error('boom'))).toBeUndefined();
  });

  it('asks the backend to save anyway only when told to, in a request the contract accepts', () => {
    expect(toDraft(filled)).not.toHaveProperty('saveAnyway');
    const anyway = toDraft(filled, { saveAnyway: true });
    expect(anyway.saveAnyway).toBe(true);
    expect(instanceDraftSchema.safeParse(anyway).success).toBe(true);
  });
});

describe('a new instance and its first jobs', () => {
  it('starts with the default jobs unless the user says otherwise, in a request the contract accepts', () => {
    expect(emptyInstance('radarr').defaultJobs).toBe(true);
    expect(toDraft(filled)).not.toHaveProperty('startWithDefaultJobs');
    const bare = toDraft({ ...filled, defaultJobs: false });
    expect(bare.startWithDefaultJobs).toBe(false);
    expect(instanceDraftSchema.safeParse(bare).success).toBe(true);
  });
});
