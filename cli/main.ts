import { balanceCommand, balanceUsage } from './balance.command';
import { checkCommand, checkUsage } from './check.command';
import { judgeCommand, judgeUsage } from './judge.command';
import { publishCommand, publishUsage } from './publish.command';
import { replayCommand, replayUsage } from './replay.command';
import { simulateCommand, simulateUsage } from './simulate.command';

/** Each subcommand lives in its own file; adding one is one line here. */
const COMMANDS: Record<string, { run: (argv: string[]) => number | Promise<number>; usage: string }> = {
  check: { run: checkCommand, usage: checkUsage },
  simulate: { run: simulateCommand, usage: simulateUsage },
  replay: { run: replayCommand, usage: replayUsage },
  balance: { run: balanceCommand, usage: balanceUsage },
  judge: { run: judgeCommand, usage: judgeUsage },
  publish: { run: publishCommand, usage: publishUsage },
};

const usage = `Surge Drill — rehearse social-media customer-service crises.

Usage: surge-drill COMMAND [ARGS]

${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n\n')}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`surge-drill: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    // Unknown options (from parseArgs) and broken scenario directories arrive here: a clear line, not a stack trace.
    const message = err instanceof Error ? err.message : String(err);
    if ((err as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')) {
      console.error(`surge-drill ${name}: ${message}\n\n${command.usage}`);
      return 2;
    }
    console.error(`surge-drill ${name}: ${message}`);
    return 1;
  }
}

// Piping into `head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
