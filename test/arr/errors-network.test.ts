// Network failures against real sockets on 127.0.0.1: the exact user-facing message, the kind,
// and that the API key appears nowhere on the error.
import { describe, expect, it } from 'vitest';
import { errorHarness, failure } from './support/failures';
import { freePort, radarrStatus, sendJson } from './support/test-server';

const { serve, radarr } = errorHarness();

describe('network failures', () => {
  it('connection refused', async () => {
    const port = await freePort();
    const e = await failure(radarr(`http://127.0.0.1:${port}`).systemStatus());
    expect(e.kind).toBe('connection-refused');
    expect(e.message).toBe(`Radarr "Main": connection refused at http://127.0.0.1:${port}. Is Radarr running, and is the port right?`);
  });

  it('DNS: no such host', async () => {
    const e = await failure(radarr('http://trawlarr-test.invalid:7878/radarr/').systemStatus());
    expect(e.kind).toBe('dns');
    expect(e.message).toBe('Radarr "Main": the host name "trawlarr-test.invalid" could not be resolved (no such host). Check the address.');
  });

  it('TLS: a self-signed certificate without the opt-in names the setting', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, radarrStatus()), true);
    const e = await failure(radarr(s.url).systemStatus());
    expect(e.kind).toBe('tls');
    expect(e.message).toBe(
      `Radarr "Main": the TLS certificate of ${s.url} is self-signed, so it is not trusted. If this is your server, turn on "Trust self-signed certificate" for this instance.`,
    );
  });

  it('TLS: the opt-in trusts the certificate for that instance only', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, radarrStatus()), true);
    const trusting = radarr(s.url, { trustSelfSignedCert: true });
    const strict = radarr(s.url);
    expect((await trusting.connect()).appName).toBe('Radarr');
    expect((await failure(strict.systemStatus())).kind).toBe('tls');
    // and the trusting one still works afterwards: the agents are separate
    expect((await trusting.systemStatus()).version).toBe('6.0.3.10276');
  });

  it('TLS: https to a plain-HTTP port says so', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, radarrStatus()));
    const address = s.url.replace('http:', 'https:');
    const e = await failure(radarr(address).systemStatus());
    expect(e.kind).toBe('tls');
    expect(e.message).toBe(`Radarr "Main": the secure connection to ${address} failed: the server did not answer with TLS; if it serves plain HTTP, use an http:// address.`);
  });

  it('timeout on a small call uses the short timeout', async () => {
    const s = await serve(() => {
      /* never answers */
    });
    const e = await failure(radarr(s.url, {}, { timeouts: { shortMs: 150, longMs: 60_000 } }).tags());
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('Radarr "Main": no complete answer from Radarr within 0.15 s (GET /api/v3/tag).');
  });

  it('timeout covers the whole body of a list call, not just the headers', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[\n  {\n    "id": 1,\n'); // then stalls
    });
    const e = await failure(radarr(s.url, {}, { timeouts: { shortMs: 60_000, longMs: 200 } }).movies());
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('Radarr "Main": no complete answer from Radarr within 0.2 s (GET /api/v3/movie).');
  });

  it('the connection dropping mid-body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[\n  {\n    "id": 1,\n    "title": "A"\n  },\n  {\n    "id": 2,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const e = await failure(radarr(s.url).movies());
    expect(e.kind).toBe('connection-reset');
    expect(e.message).toBe('Radarr "Main": the connection closed before Radarr finished answering (GET /api/v3/movie).');
  });

  it('a kept-alive socket the server closed is retried once on a new connection', async () => {
    const served = new WeakSet<object>();
    const s = await serve((req, res) => {
      // the second request on a socket meets a server that has dropped it (as after a restart)
      if (served.has(res.socket!)) return void res.socket!.destroy();
      served.add(res.socket!);
      sendJson(res, 200, req.path.endsWith('/system/status') ? radarrStatus() : []);
    });
    const client = radarr(s.url);
    await client.connect();
    expect(await client.tags()).toEqual([]);
    expect(s.requests.map((r) => r.path)).toEqual(['/api/v3/system/status', '/api/v3/tag', '/api/v3/tag']);
  });

  it('the caller cancelling a list call', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
    });
    const controller = new AbortController();
    const pending = radarr(s.url).movies({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await failure(pending);
    expect(e.kind).toBe('cancelled');
    expect(e.message).toBe('Radarr "Main": request cancelled (GET /api/v3/movie).');
  });
});
