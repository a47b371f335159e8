import { toolInfo } from '../engine/build-info';
import { diagnoseCommand, type CommandIo } from './diagnose-command';
import { monitorCommand } from './monitor-command';
import { viewCommand } from './view-command';
import { EXIT, UsageError } from './usage-error';

const HELP = `Usage: outlook-doktor <command> [options]

Commands:
  diagnose   check the path to Exchange once and explain what is wrong
  monitor    ask the server every second and record drop-outs ("Dauertest")
  view       open a diagnostic bundle (zip), check it and print what it says

Run "outlook-doktor <command> --help" for the options of a command.
  --version  print the version`;

/** Entry of the command line; returns the exit code and never throws. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'diagnose':
        return await diagnoseCommand(rest, io);
      case 'monitor':
        return await monitorCommand(rest, io);
      case 'view':
        return await viewCommand(rest, io);
      case '--version':
      case '-v':
      case 'version': {
        const info = toolInfo();
        io.stdout.write(`outlook-doktor ${info.version} (${info.commit}, ${info.buildDate})\n`);
        return EXIT.ok;
      }
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(`${HELP}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(null, `unknown command '${command}' (use diagnose or monitor)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`outlook-doktor: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`outlook-doktor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}
