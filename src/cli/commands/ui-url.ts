/**
 * How a browser gets into the browser mode, for `run --ui` at start and for `trawlarr ui-url`:
 * both print a one-time login link (ORIGIN/#login=CODE, valid for minutes, works once), never the
 * secret it is derived from, so a link found later in a log or a terminal's scrollback is useless.
 * `ui-url --rotate` replaces the secret: every browser's session ends, and the links printed before
 * stop working; a running `run --ui` notices within seconds.
 */
import type { UiServer } from '../../server';
import { ensureSecret, readServerInfo, rotateSecret, secretFile, writeServerInfo } from '../../server/secret-store';
import { createLoginCode, LOGIN_CODE_TTL_MS } from '../../server/session-crypto';
import { EXIT, type CliCommand } from '../args';
import { CliFailure } from '../exit';
import type { CliIo } from '../io';

const minutes = Math.round(LOGIN_CODE_TTL_MS / 60_000);

function printLinks(io: CliIo, origins: string[], code: string, dataDir: string): void {
  io.out(`Log in a browser with this link within ${minutes} minutes; it works once (a browser that logged in stays so for 30 days after its last visit):`);
  origins.forEach((origin, i) => io.out(`  ${origin}/#login=${code}${i === 0 ? '' : '   (from other machines)'}`));
  io.out(`Another link: trawlarr ui-url --data-dir ${dataDir}`);
}

/** `run --ui`, once listening: records its addresses for `ui-url`, prints the address and a login link. */
export async function announceUi(server: UiServer, dataDir: string, io: CliIo): Promise<void> {
  const origins = [server.origin, ...server.remoteOrigins.filter((o) => o !== server.origin)];
  await writeServerInfo(dataDir, { origins });
  io.out(`Trawlarr UI: ${server.url} (bookmark it)`);
  const link = new URL(await server.loginUrl());
  printLinks(io, origins, link.hash.slice('#login='.length), dataDir);
  if (server.remoteOrigins.length > 0) {
    io.err(`warning: the UI listens on ${server.host} for other machines too (--allow-remote); over plain HTTP, anyone who can watch the network can take a login link or a session cookie`);
  }
}

export async function uiUrlCommand(cmd: Extract<CliCommand, { cmd: 'ui-url' }>, io: CliIo): Promise<number> {
  if (cmd.rotate) {
    await rotateSecret(cmd.dataDir);
    io.out(`Wrote a new secret to ${secretFile(cmd.dataDir)}: every browser must log in again, and earlier links no longer work.`);
  }
  const secret = await ensureSecret(cmd.dataDir);
  const info = await readServerInfo(cmd.dataDir);
  if (!info || info.origins.length === 0) {
    if (cmd.rotate) return EXIT.ok;
    throw new CliFailure(`no browser UI has been served from ${cmd.dataDir} yet: start "trawlarr run --config FILE --data-dir ${cmd.dataDir} --ui --port N" (a fixed port keeps bookmarks and sessions across restarts)`, EXIT.failure);
  }
  printLinks(io, info.origins, createLoginCode(secret, Date.now()), cmd.dataDir);
  return EXIT.ok;
}
