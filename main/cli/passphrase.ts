import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliError, type CliIo } from './cli-error';

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let muted = false;
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (!muted) process.stderr.write(chunk);
        callback();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    rl.on('SIGINT', () => {
      rl.close();
      process.stderr.write('\n');
      reject(new CliError('cancelled', 130));
    });
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/**
 * The passphrase comes from an environment variable or a hidden prompt, never from argv (where
 * `ps` and shell history would show it).
 */
export async function readPassphrase(
  io: CliIo,
  options: { envVar?: string; prompt?: string; confirm?: boolean } = {},
): Promise<string> {
  const envVar = options.envVar ?? 'FOI_DESK_PASSPHRASE';
  const fromEnv = io.env[envVar];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliError(`no passphrase: set ${envVar} or run on a terminal to be asked for it.`, 2);
  }
  const first = await promptHidden(options.prompt ?? 'Passphrase: ');
  if (options.confirm) {
    const second = await promptHidden('Type it again: ');
    if (first !== second) throw new CliError('the two passphrases do not match; nothing was changed.', 1);
  }
  return first;
}
