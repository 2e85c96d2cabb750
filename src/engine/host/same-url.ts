/**
 * Refusing two enabled instances at one address (shared/instance-url.ts says why): when a config
 * file is loaded (a ConfigError, exit 2, naming both instances) and when the settings window saves
 * (a validation error on the form's url field). A save is refused only for a pair it creates: a
 * desktop store written before this check still opens and its other settings can still be saved.
 */
import { describeIssues, ServiceError, type ContractIssue } from '../../shared/contract/errors';
import { sameUrlPairs, type SameUrl } from '../../shared/instance-url';
import { describeSettingsPath, type Settings } from '../../shared/settings';
import { ConfigError } from '../config';
import type { Relate } from './settings-edit';

const pairKey = (s: Settings, p: SameUrl) => [s.instances[p.first].id, s.instances[p.second].id].sort().join('\n');

export function refuseSameUrlInFile(settings: Settings, source: string): void {
  const pairs = sameUrlPairs(settings.instances);
  if (!pairs.length) return;
  const issues = pairs.map((p) => ({ path: describeSettingsPath(['instances', p.second, 'url'], settings), message: p.message }));
  throw new ConfigError(`${source}: invalid settings:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`, source, issues);
}

export function refuseNewSameUrl(before: Settings, next: Settings, relate: Relate = () => undefined): void {
  const known = new Set(sameUrlPairs(before.instances).map((p) => pairKey(before, p)));
  const fresh = sameUrlPairs(next.instances).filter((p) => !known.has(pairKey(next, p)));
  if (!fresh.length) return;
  const issues: ContractIssue[] = fresh.flatMap((p) =>
    [p.second, p.first].map((i) => {
      const path = ['instances', i, 'url'];
      return { path: relate(path) ?? path, field: describeSettingsPath(path, next), message: p.message };
    }),
  );
  // the edited instance's own field first: that is where the form shows it
  issues.sort((a, b) => Number(a.path[0] === 'instances') - Number(b.path[0] === 'instances'));
  throw new ServiceError('invalid-request', describeIssues(issues), issues);
}
