/** What the service implementation needs from the host. */
import type { MaskedSettings } from '../../../shared/contract/settings-schemas';
import type { Settings } from '../../../shared/settings';
import type { EngineStatus } from '../../../shared/status';
import type { Scheduler } from '../../scheduler/scheduler';
import type { HostContext } from '../context';
import type { Edit } from '../settings-edit';

export interface ServiceHost extends HostContext {
  status(): EngineStatus;
  /** the scheduler once pending settings changes are applied */
  ready(): Promise<Scheduler>;
  editSettings(change: (current: Settings) => Edit): Promise<MaskedSettings>;
  secrets(): string[];
}

export interface ServiceInfo {
  mode: 'desktop' | 'browser';
  version: string;
}
