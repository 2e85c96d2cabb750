/** The host's event fan-out: status snapshots and engine events, to the UI transports and notifications. */
import type { BackendEvent } from '../../shared/contract/service';
import type { EngineEvent, EngineStatus } from '../../shared/status';

export class EventBus {
  private readonly listeners = new Set<(event: BackendEvent) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  subscribe(listener: (event: BackendEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(status: EngineStatus): void {
    this.send({ event: 'status', payload: status });
  }

  engine(event: EngineEvent): void {
    this.send({ event: 'engine', payload: event });
  }

  private send(event: BackendEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // one broken listener (a closed window) must not stop the engine or the others
        this.onListenerError(error);
      }
    }
  }
}
