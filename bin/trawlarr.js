#!/usr/bin/env node
// The `trawlarr` command from a checkout. Trawlarr is not published as a built package: its
// TypeScript runs through tsx, registered in this same process, so signals (Ctrl-C, SIGTERM from
// a service manager) and the exit code need no relaying through a wrapper process, and no build
// step can go stale behind the sources.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('trawlarr: tsx is not installed: run "npm install" in the Trawlarr checkout first\n');
  process.exit(1);
}
register();
await import('../src/cli/main.ts');
