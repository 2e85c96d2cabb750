/** Settings documents for the scheduler tests, through the real schema (defaults applied). */
import { settingsSchema, type InstanceSettingsInput, type Settings } from '../../../src/shared/settings';

export function instance(id: string, over: Partial<InstanceSettingsInput> = {}): InstanceSettingsInput {
  return { id, name: id, kind: 'radarr', url: `http://127.0.0.1:7878`, apiKey: 'k'.repeat(32), ...over };
}

export function settings(over: { instances: InstanceSettingsInput[]; budgetGroups?: { id: string; name: string; maxPerHour: number; maxPerDay: number }[]; horizonDays?: number }): Settings {
  return settingsSchema.parse({ version: 1, ...over });
}
