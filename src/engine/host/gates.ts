/**
 * The gates of one instance (download queue within its limit, no indexer back-off in /health),
 * calling the instance through its tracked client, and remembering the last verdict so the status
 * can say why an instance waits.
 */
import type { AnyArrClient } from '../../arr';
import type { InstanceSettings } from '../../shared/settings';
import type { InstanceState } from '../../shared/status';
import type { Clock } from '../scheduler/clock';
import { healthGate, queueGate } from '../scheduler/gates';
import type { GateVerdict, PermitGate } from '../scheduler/permit';

export interface GateState {
  state: InstanceState;
  message: string;
  retryAt?: number;
}

/** What the gates said last, per instance; cleared when they all pass. */
export class GateStates {
  private readonly states = new Map<string, GateState>();

  get(instanceId: string): GateState | undefined {
    return this.states.get(instanceId);
  }

  set(instanceId: string, state: GateState | undefined, onChange: () => void): void {
    const before = JSON.stringify(this.states.get(instanceId));
    if (state) this.states.set(instanceId, state);
    else this.states.delete(instanceId);
    if (JSON.stringify(state) !== before) onChange();
  }
}

export function instanceGates(instance: InstanceSettings, client: () => AnyArrClient, clock: Clock, states: GateStates, onChange: () => void): PermitGate[] {
  const gates = [
    queueGate((_signal) => client().queueStatus(), instance.throughput.queueLimit, clock),
    healthGate((_signal) => client().health(), clock),
  ];
  return gates.map((gate, index) => ({
    ...gate, // keeps the name and searchOnly: a full queue must not hold back a rename or refresh
    async check(signal) {
      // a failed call throws: the outage tracker has seen it, the permit turns it into a refusal
      const verdict = await gate.check(signal);
      if (!verdict.ok) states.set(instance.id, { state: verdict.state ?? 'unknown', message: verdict.reason, retryAt: verdict.retryAt }, onChange);
      else if (index === gates.length - 1) states.set(instance.id, undefined, onChange);
      return verdict;
    },
  }));
}

/** Runs the gates once without a permit: a run that would only wait is not worth gathering the library for. */
export async function probeGates(gates: readonly PermitGate[], signal?: AbortSignal): Promise<GateVerdict> {
  for (const gate of gates) {
    const verdict = await gate.check(signal);
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}
