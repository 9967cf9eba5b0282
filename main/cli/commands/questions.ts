/**
 * `foi-desk questions [<file>|-] [--json]`: the questions and parts the splitter proposes for a
 * request's text (read from a file, or from standard input), with the notes on what it adjusted.
 * The same pure function the new-case form and email intake call; no case file is needed.
 */
import { readFileSync, statSync } from 'node:fs';
import { CliError, type Command } from '../cli-error';
import { parseCommandArgs } from './case-file-commands';
import type { QuestionData } from '../../../shared/case-format';
import { describeCount, proposeQuestions } from '../../../shared/questions';

const USAGE = 'foi-desk questions [<file>|-] [--json]';
/** A request is a letter or an email; anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

export interface ProposedQuestion {
  number: string;
  text: string;
  parts: ProposedQuestion[];
}

export function proposalJson(questions: readonly QuestionData[]): ProposedQuestion[] {
  return questions.map((q) => ({ number: q.number, text: q.text, parts: proposalJson(q.parts ?? []) }));
}

function readRequest(source: string): string {
  let bytes: Buffer;
  try {
    if (source === '-') {
      bytes = readFileSync(0);
    } else {
      if (statSync(source).size > MAX_BYTES)
        throw new CliError(`${source} is larger than 1 MB; it is not a request text.`);
      bytes = readFileSync(source);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
    throw new CliError(`cannot read ${source === '-' ? 'standard input' : source}: ${why}.`);
  }
  if (bytes.length > MAX_BYTES)
    throw new CliError('the request is larger than 1 MB; it is not a request text.');
  if (bytes.includes(0)) throw new CliError('the request is not plain text (it holds NUL bytes).');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The proposal as an officer reads it: a count, one question a line (parts indented), the notes. */
export function formatProposal(questions: readonly QuestionData[], notes: readonly string[]): string {
  const out: string[] = [questions.length ? describeCount(questions) : 'No questions found.'];
  const width = (list: readonly QuestionData[]): number =>
    Math.max(0, ...list.map((q) => Math.max(q.number.length, width(q.parts ?? []))));
  const pad = width(questions) + 2;
  const walk = (list: readonly QuestionData[], depth: number) => {
    for (const q of list) {
      const indent = '  '.repeat(depth);
      const hang = ' '.repeat(indent.length + pad);
      out.push(`${indent}${q.number.padEnd(pad)}${q.text.replace(/\n/g, `\n${hang}`)}`);
      walk(q.parts ?? [], depth + 1);
    }
  };
  if (questions.length) out.push('');
  walk(questions, 0);
  if (notes.length) out.push('', 'Notes:', ...notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}

export const questionsCommand: Command = {
  name: 'questions',
  usage: 'questions [<file>|-] [--json]',
  summary: 'propose the questions of a request text (from a file or standard input)',
  run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      { json: { type: 'boolean' } },
      { min: 0, max: 1, usage: USAGE },
    );
    const source = positionals[0] ?? '-';
    if (source === '-' && process.stdin.isTTY)
      io.stderr('Reading the request from standard input; end it with Ctrl-D.\n');
    const { questions, notes } = proposeQuestions(readRequest(source));
    io.stdout(
      values.json
        ? `${JSON.stringify({ questions: proposalJson(questions), notes }, null, 2)}\n`
        : formatProposal(questions, notes),
    );
    return Promise.resolve(0);
  },
};
