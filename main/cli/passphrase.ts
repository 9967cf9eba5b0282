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
 * `ps` and shell history would show it). It is handed on as a Buffer of its UTF-8 bytes, which
 * the caller zeroes (see withPassphrase). Both sources give a string first, and that string cannot
 * be wiped: Node has process.env only as strings, and readline answers with one. The CLI is a
 * short-lived process, so those strings go when it exits.
 */
export async function readPassphrase(
  io: CliIo,
  options: { envVar?: string; prompt?: string; confirm?: boolean } = {},
): Promise<Buffer> {
  const envVar = options.envVar ?? 'FOI_DESK_PASSPHRASE';
  const fromEnv = io.env[envVar];
  if (fromEnv !== undefined && fromEnv !== '') return Buffer.from(fromEnv, 'utf8');
  if (!process.stdin.isTTY) {
    throw new CliError(`no passphrase: set ${envVar} or run on a terminal to be asked for it.`, 2);
  }
  const first = await promptHidden(options.prompt ?? 'Passphrase: ');
  if (options.confirm) {
    const second = await promptHidden('Type it again: ');
    if (first !== second) throw new CliError('the two passphrases do not match; nothing was changed.', 1);
  }
  return Buffer.from(first, 'utf8');
}

/** Reads the passphrase (as readPassphrase), runs `use` with its bytes and zeroes them afterwards. */
export async function withPassphrase<T>(
  io: CliIo,
  use: (passphrase: Buffer) => T | Promise<T>,
  options: { envVar?: string; prompt?: string; confirm?: boolean } = {},
): Promise<T> {
  const passphrase = await readPassphrase(io, options);
  try {
    return await use(passphrase);
  } finally {
    passphrase.fill(0);
  }
}
