/** The browser mode's event channel: text/event-stream of the contract's events. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_HEADERS, prepareEvent, type AppService, type DispatchOptions } from '../shared/contract';

export interface EventStreamOptions extends DispatchOptions {
  heartbeatMs?: number;
}

export function openEventStream(req: IncomingMessage, res: ServerResponse, service: AppService, options: EventStreamOptions = {}): void {
  res.writeHead(200, { ...API_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = service.subscribe((event) => {
    const prepared = prepareEvent(service, event, options);
    if (prepared) res.write(`event: ${prepared.event}\ndata: ${JSON.stringify(prepared.payload)}\n\n`);
  });
  // proxies and idle timeouts drop silent connections
  const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs ?? 25_000);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', close);
  res.on('close', close);
}
