/**
 * The headless command (`trawlarr`, `npm run headless -- …`): the same engine and settings format
 * as the desktop app, without Electron. See args.ts for the commands and exit codes.
 */
import { installCrashGuard } from '../engine/crash-guard';
import { EXIT, parseCli, USAGE } from './args';
import { historyCommand, statusCommand } from './commands/read-only';
import { onceCommand } from './commands/once';
import { runCommand } from './commands/run';
import { uiUrlCommand } from './commands/ui-url';
import { exitCodeOf, messageOf } from './exit';
import { processIo, type CliIo } from './io';

async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const cmd = parseCli(argv);
    switch (cmd.cmd) {
      case 'help':
        io.out(USAGE);
        return EXIT.ok;
      case 'once':
        return await onceCommand(cmd, io);
      case 'run':
        return await runCommand(cmd, io);
      case 'status':
        return await statusCommand(cmd, io);
      case 'history':
        return await historyCommand(cmd, io);
      case 'ui-url':
        return await uiUrlCommand(cmd, io);
    }
  } catch (error) {
    io.err(`trawlarr: ${messageOf(error)}`);
    return exitCodeOf(error);
  }
}

installCrashGuard(process, { write: (text) => process.stderr.write(`${text}\n`), exit: (code) => process.exit(code) });
const code = await main(process.argv.slice(2));
process.exitCode = code;
// everything is stopped by now; should a stray handle keep the loop alive, a service manager still sees the exit
setTimeout(() => process.exit(code), 3000).unref();
