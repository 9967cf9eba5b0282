/**
 * `foi-desk questions`, run as its own process as a user would: on each real example (and the rest
 * of the corpus) `--json` gives the split an officer would log, with the notes; the request can come
 * from standard input; the text form is readable; bad input exits with one clear line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliPath, makeTempDir, runCli } from '../helpers';
import { compareSplit, loadCorpus, type ExpectedQuestion } from '../fixtures/requests/corpus';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

interface Output {
  questions: ExpectedQuestion[];
  notes: string[];
}

function requestFile(name: string, text: string): string {
  const file = path.join(temp.dir, `${name}.txt`);
  writeFileSync(file, text);
  return file;
}

const corpus = loadCorpus();

describe('foi-desk questions --json', () => {
  it.each(corpus.filter((r) => r.file === 'examples.json').map((r) => [r.id, r] as const))(
    'splits the real example %s as the officer did',
    (id, request) => {
      const result = runCli(['questions', requestFile(id, request.text), '--json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const out = JSON.parse(result.stdout) as Output;
      expect(Object.keys(out)).toEqual(['questions', 'notes']);
      expect(compareSplit(out.questions, request.expected)).toBeNull();
      // Every row has number, text and parts (empty when there are none).
      const rows = (qs: ExpectedQuestion[]): ExpectedQuestion[] => qs.flatMap((q) => [q, ...rows(q.parts)]);
      for (const row of rows(out.questions)) expect(Object.keys(row)).toEqual(['number', 'text', 'parts']);
    },
  );

  // The whole corpus runs in-process (questions-corpus.test.ts); a few of our own here, one format each.
  it.each(
    [
      'nhs-it-contracts-columns',
      'council-eir-trees-stem-lines',
      'wdtk-council-fleet',
      'nhs-parking-prose',
    ].map((id) => [id, corpus.find((r) => r.id === id)!] as const),
  )('splits our own %s too', (id, request) => {
    const result = runCli(['questions', requestFile(id, request.text), '--json']);
    expect(result.code).toBe(0);
    expect(compareSplit((JSON.parse(result.stdout) as Output).questions, request.expected)).toBeNull();
  });

  it('says in the notes what it adjusted', () => {
    const byId = (id: string) => corpus.find((r) => r.id === id)!;
    const notes = (id: string) =>
      (JSON.parse(runCli(['questions', requestFile(id, byId(id).text), '--json']).stdout) as Output).notes;
    expect(notes('wdtk-nhse-stonewall')).toEqual([
      "Left out the heading 'EXEMPTIONS?' and the text under it (it asks nothing).",
      "Read 'If the answer to any part of 1 is yes please supply:' as the condition for questions 4–5, not as a question.",
    ]);
    expect(notes('tavistock-23-24403-parking')[0]).toBe(
      'Treated items 2–5 of the numbered list as parts of question 1 (they list what it asks about), and renumbered the questions.',
    );
    expect(notes('hacw-HACW-2766-intranet')).toEqual([
      "Question A.7 ('any suppliers/consultants used…') reads as the end of question A.6's sentence; merge them if so.",
    ]);
    expect(notes('nhs-cyber-ransomware')).toContain(
      "Dropped the courtesy sentence 'Please could you respond as soon as possible?' (it asks nothing).",
    );
  });
});

describe('foi-desk questions', () => {
  it('reads the request from standard input, with "-" or with no file', () => {
    const text = '•\tHow many beds are there?\n•\tHow many are in use?\n';
    for (const args of [
      ['questions', '-', '--json'],
      ['questions', '--json'],
    ]) {
      const result = spawnSync(process.execPath, [cliPath, ...args], { input: text, encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect((JSON.parse(result.stdout) as Output).questions).toEqual([
        { number: '1', text: 'How many beds are there?', parts: [] },
        { number: '2', text: 'How many are in use?', parts: [] },
      ]);
    }
  });

  it('prints the proposal readably: a count, parts indented under their question, then the notes', () => {
    const file = requestFile(
      'text-form',
      '1. How is the budget spent:\na.What goes on training?\nb.What goes on software?\n2. Who sets it?\n\nPlease could you respond as soon as possible?\n',
    );
    const result = runCli(['questions', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '2 questions with 2 parts',
        '',
        '1     How is the budget spent:',
        '  1(a)  What goes on training?',
        '  1(b)  What goes on software?',
        '2     Who sets it?',
        '',
        'Notes:',
        "- Dropped the courtesy sentence 'Please could you respond as soon as possible?' (it asks nothing).",
        '',
      ].join('\n'),
    );
  });

  it('exits with one clear line on a missing file, a folder, binary input or wrong arguments', () => {
    const missing = runCli(['questions', path.join(temp.dir, 'nope.txt')]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(
      `foi-desk questions: cannot read ${path.join(temp.dir, 'nope.txt')}: no such file.\n`,
    );
    const folder = path.join(temp.dir, 'folder');
    mkdirSync(folder);
    expect(runCli(['questions', folder]).stderr).toMatch(/it is a folder\.\n$/);
    const binary = path.join(temp.dir, 'binary.bin');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(runCli(['questions', binary])).toMatchObject({ code: 1 });
    expect(runCli(['questions', binary]).stderr).toMatch(/not plain text/);
    const two = runCli(['questions', 'a', 'b']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/Usage: foi-desk questions \[<file>\|-\] \[--json\]/);
    expect(runCli(['questions', '--jsn']).code).toBe(2);
  });

  it('is listed in foi-desk help', () => {
    expect(runCli(['help']).stdout).toMatch(/questions \[<file>\|-\] \[--json\]\s+propose the questions/);
  });
});
