/**
 * Instances: save (the key is write-only), remove, test a connection, read profiles and tags.
 * A stored key is sent only to the address it was saved with (shared/contract/key-address.ts).
 */
import { ServiceError } from '../../../shared/contract/errors';
import type { ChannelHandlers } from '../../../shared/contract/service';
import { SAVE_ANYWAY_PATH, type InstanceDraft } from '../../../shared/contract/settings-schemas';
import { ENV_REFERENCE_INPUT_MESSAGE, isEnvReferenceInput, keyNeededMessage, sameKeyAddress } from '../../../shared/contract/key-address';
import { apiKeyIssue, instanceIndex, removeInstanceEdit, saveInstanceEdit, validSettings } from '../settings-edit';
import { checkConnection, connectionProblem } from './connection-check';
import { serviceCall } from './errors';
import type { ServiceHost } from './types';

type Handlers = Pick<ChannelHandlers, 'saveInstance' | 'removeInstance' | 'testConnection' | 'getInstanceMetadata'>;

export function instanceHandlers(host: ServiceHost): Handlers {
  return {
    async saveInstance(draft) {
      if (draft.enabled !== false && !draft.saveAnyway) await refuseUnanswered(host, draft);
      return host.editSettings((s) => saveInstanceEdit(s, draft));
    },
    removeInstance: ({ instanceId }) => host.editSettings((s) => removeInstanceEdit(s, instanceId)),

    async testConnection(request) {
      // the contract refuses this already; checked again for callers that skip it
      if (request.apiKey !== undefined && isEnvReferenceInput(request.apiKey)) throw apiKeyIssue(ENV_REFERENCE_INPUT_MESSAGE);
      const settings = host.settings();
      const stored = request.useStoredKeyOf === undefined ? undefined : settings.instances[instanceIndex(settings, request.useStoredKeyOf)];
      // a stored key (or the variable its env: reference names) goes only to the address it was saved with
      if (stored && !sameKeyAddress(stored.url, request.url)) throw apiKeyIssue(keyNeededMessage(stored, request.url));
      return checkConnection(host, {
        name: stored?.name ?? hostOf(request.url),
        kind: request.kind,
        url: request.url,
        trustSelfSignedCert: request.trustSelfSignedCert,
        ...(stored ? { stored } : { apiKey: request.apiKey ?? '' }),
      });
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

/**
 * A save tests the connection first, as Radarr and Sonarr do, so an instance that cannot answer
 * is not saved to sit at "Not contacted yet": the form's own mistakes are reported first (the
 * edit is validated as it would be saved), then the test's, with an issue the form turns into
 * "Save anyway". A disabled instance is never contacted, so it is not tested either.
 */
async function refuseUnanswered(host: ServiceHost, draft: InstanceDraft): Promise<void> {
  const settings = host.settings();
  const edit = saveInstanceEdit(settings, draft);
  validSettings(edit.settings, edit.relate);
  const existing = settings.instances.find((i) => i.id === draft.id);
  // saveInstanceEdit has refused a stored key at another address already
  const result = await checkConnection(host, {
    name: draft.name,
    kind: draft.kind,
    url: draft.url,
    trustSelfSignedCert: draft.trustSelfSignedCert ?? false,
    ...(draft.apiKey !== undefined ? { apiKey: draft.apiKey } : existing ? { stored: existing } : { apiKey: '' }),
  });
  const problem = connectionProblem(result, draft.kind);
  if (problem === undefined) return;
  const message = `the connection test failed: ${problem} Correct the address or key, or save anyway to keep it as it is.`;
  throw new ServiceError('unavailable', message, [{ path: [...SAVE_ANYWAY_PATH], field: 'connection', message: problem }]);
}
