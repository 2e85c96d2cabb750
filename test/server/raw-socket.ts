/** A raw TCP client for what an HTTP client library would not send: bodies that never end, trickle, or lie about their size. */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

export interface RawConnection {
  socket: Socket;
  /** everything the server sent so far */
  received(): string;
  isClosed(): boolean;
  /** resolves when the server closed the connection; rejects after `ms` */
  closedWithin(ms: number): Promise<void>;
  /** writes `total` bytes of body in chunks, respecting backpressure, until done or the connection closes; returns the bytes the socket accepted */
  stream(total: number, chunked: boolean): Promise<number>;
}

export async function openRaw(port: number, address = '127.0.0.1'): Promise<RawConnection> {
  const socket = connect({ port, host: address });
  await once(socket, 'connect');
  let text = '';
  let closed = false;
  socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
  // a reset after the server closed is expected here
  socket.on('error', () => {});
  const closedPromise = new Promise<void>((resolve) => socket.on('close', () => ((closed = true), resolve())));
  return {
    socket,
    received: () => text,
    isClosed: () => closed,
    closedWithin: (ms) =>
      Promise.race([closedPromise, new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`the server kept the connection open for ${ms} ms; got: ${text.slice(0, 200)}`)), ms).unref())]),
    async stream(total, chunked) {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const head = `${chunk.length.toString(16)}\r\n`;
      let written = 0;
      while (written < total && !closed && !socket.destroyed) {
        const ok = chunked ? socket.write(head) && socket.write(chunk) && socket.write('\r\n') : socket.write(chunk);
        written += chunk.length;
        if (ok) continue;
        // a server that stopped reading never drains the socket: stop there too
        const drained = await Promise.race([once(socket, 'drain').then(
            () => true,
            () => false,
          ), closedPromise.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 2000))]);
        if (!drained) break;
      }
      return written;
    },
  };
}

export function requestHead(method: string, path: string, headers: Record<string, string>): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}
