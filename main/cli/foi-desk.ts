import { CliError, type CliIo } from './cli-error';
import { commands } from './commands/index';
import { describeError } from '../services/errors';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Usage: foi-desk <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'The passphrase is read from FOI_DESK_PASSPHRASE, or asked for on the terminal. Never pass it as an argument.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`foi-desk: unknown command "${name}". Run "foi-desk help" for the list.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`foi-desk ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // Errors users meet (wrong passphrase, locked file…) are described in one line; anything else
    // is still one line, never a stack trace that could carry case data.
    io.stderr(`foi-desk ${name}: ${describeError(error)}\n`);
    return 1;
  }
}

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`foi-desk: ${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
