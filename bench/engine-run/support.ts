/** Helpers of the engine benches: child processes, medians, and a wire counter for HTTP requests. */
import { spawn } from 'node:child_process';
import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a node process with tsx and resolves with the first JSON line it prints; `stop` ends it and waits. */
export function node<T>(args: string[], keepRunning = false): Promise<{ value: T; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let done = false;
    lines.once('line', (line) => {
      done = true;
      const stop = async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      };
      resolve({ value: JSON.parse(line) as T, stop });
      if (!keepRunning) lines.close();
    });
    child.once('exit', (code) => {
      if (!done) reject(new Error(`${args.join(' ')} exited with ${code} before printing its result`));
    });
  });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface WireRequest {
  method: string;
  /** below /api/v3, numeric segments as {id}: "/command/{id}" */
  endpoint: string;
  query: URLSearchParams;
  /** performance.now() when the request started */
  at: number;
}

export interface Wire {
  requests: WireRequest[];
  /** bytes read from every HTTP client socket of this process (headers and bodies) */
  bytes(): number;
  stop(): void;
}

/**
 * Counts what this process's HTTP clients send and receive, below any library: Node publishes every
 * client request and every new client socket on diagnostics channels.
 * https://nodejs.org/api/diagnostics_channel.html#built-in-channels
 */
export function wireCounter(): Wire {
  const requests: WireRequest[] = [];
  const sockets = new Set<Socket>();
  const onRequest = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const [path, query = ''] = request.path.split('?');
    const endpoint = path.replace(/^.*?\/api\/v3/, '').replace(/\/\d+(?=\/|$)/g, '/{id}') || '/';
    requests.push({ method: request.method, endpoint, query: new URLSearchParams(query), at: performance.now() });
  };
  const onSocket = (message: unknown) => void sockets.add((message as { socket: Socket }).socket);
  dc.subscribe('http.client.request.start', onRequest);
  dc.subscribe('net.client.socket', onSocket);
  return {
    requests,
    bytes: () => [...sockets].reduce((n, s) => n + s.bytesRead, 0),
    stop() {
      dc.unsubscribe('http.client.request.start', onRequest);
      dc.unsubscribe('net.client.socket', onSocket);
    },
  };
}
