import { parseArgs } from 'node:util';
import type { Command, CliIo } from '../cli-error';
import { JURISDICTIONS, REGIMES, type Jurisdiction, type Regime } from '../../../shared/case-format';
import { isIsoDate } from '../../../shared/dates';
import {
  ClockInputError,
  computeDeadline,
  hasExtension,
  withLongestExtension,
  type ClockInput,
} from '../../../shared/clock';

const USAGE = 'foi-desk due --regime R --received YYYY-MM-DD [--jurisdiction J] [--extended] [--json]';

const HELP = `Usage: ${USAGE}

Prints the statutory due date of a request received on the given date.

  --regime        ${REGIMES.join(', ')}
  --received      the date of receipt, YYYY-MM-DD
  --jurisdiction  ${JURISDICTIONS.join(', ')} (default england-and-wales)
  --extended      the latest lawful date with the regime's longest extension: FOIA 40 working days
                  (public interest extension as the ICO expects), EIR and EISR 40 (reg 7),
                  FOI-IR 40, SAR three months, EIR-RECON 40 (no extension), FOISA and
                  FOISA-REVIEW the statutory date (no extension; a note says so on stderr)
  --json          the whole result, with the counted and skipped days
`;

class UsageError extends Error {}

function fail(io: CliIo, message: string): number {
  io.stderr(`foi-desk due: ${message}\n`);
  return 2;
}

/** Node's parseArgs messages run to several sentences; the first one is the useful part. */
function firstSentence(message: string): string {
  const cut = message.indexOf('. ');
  return (cut === -1 ? message : message.slice(0, cut)).replace(/\.$/, '');
}

function readOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        regime: { type: 'string' },
        received: { type: 'string' },
        jurisdiction: { type: 'string' },
        extended: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(firstSentence(error instanceof Error ? error.message : String(error)));
  }
}

function oneOf<T extends string>(list: readonly T[], value: string, what: string): T {
  const found = list.find((item) => item === value);
  if (found === undefined) throw new UsageError(`unknown ${what} "${value}" (use one of ${list.join(', ')})`);
  return found;
}

function buildInput(values: ReturnType<typeof readOptions>): ClockInput {
  if (values.regime === undefined) throw new UsageError('--regime is required');
  if (values.received === undefined) throw new UsageError('--received is required (YYYY-MM-DD)');
  const regime: Regime = oneOf(REGIMES, values.regime, 'regime');
  const jurisdiction: Jurisdiction = oneOf(
    JURISDICTIONS,
    values.jurisdiction ?? 'england-and-wales',
    'jurisdiction',
  );
  if (!isIsoDate(values.received)) {
    throw new UsageError(`--received "${values.received}" is not a real date in the form YYYY-MM-DD`);
  }
  return { regime, received: values.received, jurisdiction };
}

export const dueCommand: Command = {
  name: 'due',
  usage: USAGE,
  summary: 'Print the statutory due date of a request (with --json, how it was reached)',
  run(args, io) {
    try {
      const values = readOptions(args);
      if (values.help) {
        io.stdout(HELP);
        return Promise.resolve(0);
      }
      const base = buildInput(values);
      const extended = values.extended === true;
      const deadline = computeDeadline(extended ? withLongestExtension(base) : base, {
        explain: values.json === true,
      });
      if (values.json) {
        io.stdout(`${JSON.stringify(deadline, null, 2)}\n`);
      } else {
        const date = extended ? deadline.latestLawful : deadline.due;
        // No events can be given here, so the clock is never stopped; guard anyway.
        if (date === null) return Promise.resolve(fail(io, deadline.summary));
        io.stdout(`${date}\n`);
      }
      if (extended && !hasExtension(base.regime)) {
        io.stderr(
          base.regime === 'FOISA'
            ? 'foi-desk due: FOISA has no extension; this is the statutory date.\n'
            : base.regime === 'FOISA-REVIEW'
              ? 'foi-desk due: a FOISA review has no extension (s21(1)); this is the statutory date.\n'
              : 'foi-desk due: EIR reconsideration has no extension; 40 working days is the statutory limit.\n',
        );
      }
      return Promise.resolve(0);
    } catch (error) {
      if (error instanceof UsageError || error instanceof ClockInputError) {
        return Promise.resolve(fail(io, error.message));
      }
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};
