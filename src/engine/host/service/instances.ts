/**
 * Instances: save (the key is write-only), remove, test a connection, read profiles and tags.
 * A stored key is sent only to the address it was saved with (shared/contract/key-address.ts).
 */
import type { ChannelHandlers } from '../../../shared/contract/service';
import { ArrError } from '../../../arr';
import { resolveApiKey, ConfigError } from '../../config';
import { ENV_REFERENCE_INPUT_MESSAGE, isEnvReferenceInput, keyNeededMessage, sameKeyAddress } from '../../../shared/contract/key-address';
import { connectionReason } from '../clients';
import { apiKeyIssue, instanceIndex, removeInstanceEdit, saveInstanceEdit } from '../settings-edit';
import { serviceCall } from './errors';
import type { ServiceHost } from './types';

type Handlers = Pick<ChannelHandlers, 'saveInstance' | 'removeInstance' | 'testConnection' | 'getInstanceMetadata'>;

export function instanceHandlers(host: ServiceHost): Handlers {
  return {
    saveInstance: (draft) => host.editSettings((s) => saveInstanceEdit(s, draft)),
    removeInstance: ({ instanceId }) => host.editSettings((s) => removeInstanceEdit(s, instanceId)),

    async testConnection(request) {
      // the contract refuses this already; checked again for callers that skip it
      if (request.apiKey !== undefined && isEnvReferenceInput(request.apiKey)) throw apiKeyIssue(ENV_REFERENCE_INPUT_MESSAGE);
      const settings = host.settings();
      const stored = request.useStoredKeyOf === undefined ? undefined : settings.instances[instanceIndex(settings, request.useStoredKeyOf)];
      // a stored key (or the variable its env: reference names) goes only to the address it was saved with
      if (stored && !sameKeyAddress(stored.url, request.url)) throw apiKeyIssue(keyNeededMessage(stored, request.url));
      const name = stored?.name ?? hostOf(request.url);
      let apiKey: string;
      try {
        // a typed key is the key itself: only a stored key may be an env: reference
        apiKey = stored ? resolveApiKey(stored, host.env) : (request.apiKey ?? '');
      } catch (error) {
        if (error instanceof ConfigError) return { ok: false, reason: 'key-missing', message: error.message };
        throw error;
      }
      const client = host.clients.unstored({ name, kind: request.kind, url: request.url, trustSelfSignedCert: request.trustSelfSignedCert }, apiKey);
      try {
        const info = await host.activity.track(() => client.connect());
        return { ok: true, app: request.kind, version: info.version, ...(info.instanceName ? { instanceName: info.instanceName } : {}) };
      } catch (error) {
        if (error instanceof ArrError) return { ok: false, reason: connectionReason(error), message: error.message };
        if (error instanceof TypeError) return { ok: false, reason: 'invalid-url', message: error.message };
        throw error;
      } finally {
        client.close();
      }
    },

    getInstanceMetadata: ({ instanceId }) =>
      serviceCall(async () => {
        const settings = host.settings();
        const client = host.client(settings.instances[instanceIndex(settings, instanceId)]);
        const [profiles, tags] = await Promise.all([client.qualityProfiles(), client.tags()]);
        return { qualityProfiles: profiles.map((p) => ({ id: p.id, name: p.name })), tags: tags.map((t) => ({ id: t.id, label: t.label })) };
      }),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
