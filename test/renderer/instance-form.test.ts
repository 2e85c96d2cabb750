import { describe, expect, it } from 'vitest';
import { emptyInstance, slugify, toDraft, validateInstance } from '../../src/renderer/pages/instances/instanceForm';
import { instanceDraftSchema } from '../../src/shared/contract';

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
