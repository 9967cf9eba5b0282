import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile, openCaseFile, type CaseFile } from '../../db/case-file';
import { listCaseEvents } from '../../db/queries/cases';
import {
  exportRegisterCsv,
  exportRegisterJson,
  importInterchange,
  ImportError,
} from '../../main/services/import-export';
import { makeTempDir, PASSPHRASE, readFixture, runCli } from '../helpers';

let dir: string;
let cleanup: () => void;
const files: CaseFile[] = [];
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => {
  for (const f of files.splice(0)) f.close();
  cleanup();
});

function newFile(name: string): CaseFile {
  const cf = createCaseFile({ path: path.join(dir, name), passphrase: PASSPHRASE });
  files.push(cf);
  return cf;
}

const base = JSON.parse(readFixture('foi-4951.case.json')) as Record<string, unknown>;

/** An open FOIA case: a clarification stop and its restart, then a public interest extension. */
const withEvents = {
  ...base,
  reference: 'FOI 7001',
  received: '2024-03-01',
  status: 'open',
  outcome: undefined,
  responded: undefined,
  events: [
    { type: 'clarification-requested', date: '2024-03-04', note: 'Which years?' },
    { type: 'clarification-received', date: '2024-03-11' },
    { type: 'pi-extension', date: '2024-04-05', until: '2024-05-03', note: 's43 public interest test' },
  ],
};

/** A closed case keeps its history: its events are checked as they stood while it was open. */
const closedWithEvents = {
  ...base,
  reference: 'FOI 7002',
  events: [
    { type: 'fees-notice-issued', date: '2021-11-12' },
    { type: 'fee-paid', date: '2021-11-15' },
  ],
};

function importText(cf: CaseFile, text: string): void {
  importInterchange(cf, [{ path: 'register.json', text }], 'test');
}

function problemsOf(cf: CaseFile, objects: unknown[]): string[] {
  try {
    importText(cf, JSON.stringify(objects));
    return [];
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
}

describe('clock events in the case format', () => {
  it('a JSON export of cases with a stop, its restart and a pi-extension imports back whole, byte for byte', () => {
    const first = newFile('first.foidesk');
    importText(first, JSON.stringify([withEvents, closedWithEvents]));
    const exported = exportRegisterJson(first);
    const cases = JSON.parse(exported) as { reference: string; events?: unknown[] }[];
    expect(cases.map((c) => c.events)).toEqual([withEvents.events, closedWithEvents.events]);
    // The events decide the due date: the extension's estimated date, not 20 working days from receipt.
    const csv = exportRegisterCsv(first).split('\r\n');
    expect(csv[1]).toMatch(/^FOI 7001,FOIA,2024-03-01,2024-05-03,open,/);

    // Into a second encrypted file, from the export, and out again: the same bytes.
    const second = newFile('second.foidesk');
    importText(second, exported);
    expect(exportRegisterJson(second)).toBe(exported);
    expect(exportRegisterCsv(second)).toBe(exportRegisterCsv(first));
    second.close();
    files.splice(files.indexOf(second), 1);
    const reopened = openCaseFile({ path: path.join(dir, 'second.foidesk'), passphrase: PASSPHRASE });
    files.push(reopened);
    expect(listCaseEvents(reopened.db, 1).map((e) => [e.type, e.date, e.until, e.note])).toEqual([
      ['clarification-requested', '2024-03-04', null, 'Which years?'],
      ['clarification-received', '2024-03-11', null, null],
      ['pi-extension', '2024-04-05', '2024-05-03', 's43 public interest test'],
    ]);
    expect(exportRegisterJson(reopened)).toBe(exported);
  });

  it('leaves `events` out of a case without any, so the examples still round-trip', () => {
    const cf = newFile('cases.foidesk');
    importText(cf, readFixture('foi-4951.case.json'));
    expect(exportRegisterJson(cf)).not.toContain('"events"');
    importInterchange(
      cf,
      [{ path: 'empty.json', text: JSON.stringify({ ...withEvents, events: [] }) }],
      'test',
    );
    expect(exportRegisterJson(cf)).not.toContain('"events"');
  });

  it('refuses events that break the clock rules, each against the ones before it, and imports nothing', () => {
    const cf = newFile('cases.foidesk');
    const problems = problemsOf(cf, [
      withEvents,
      {
        ...withEvents,
        reference: 'FOI 7003',
        events: [{ type: 'clarification-requested', date: '2024-02-28' }],
      },
      { ...withEvents, reference: 'FOI 7004', events: [{ type: 'fee-paid', date: '2024-03-05' }] },
      {
        ...withEvents,
        reference: 'FOI 7005',
        events: [
          { type: 'clarification-requested', date: '2024-03-08' },
          { type: 'clarification-received', date: '2024-03-04' },
        ],
      },
      {
        ...withEvents,
        reference: 'FOI 7006',
        events: [{ type: 'sar-extension', date: '2024-03-05', months: 2 }],
      },
      { ...withEvents, reference: 'FOI 7007', events: [{ type: 'pi-extension', date: '2024-03-05' }] },
      { ...withEvents, reference: 'FOI 7008', events: [{ type: 'adjourned', date: '2024-03-05' }] },
    ]);
    expect(problems).toEqual([
      'register.json: [1].events[0]: The date of a clock event cannot be before the date the request was received (01/03/2024).',
      'register.json: [2].events[0]: There is no open clock stop for this event to end.',
      'register.json: [3].events[1]: The clock event cannot be dated before the last one recorded (08/03/2024): record events in order.',
      'register.json: [4].events[0]: A FOIA case has no "sar-extension" clock action.',
      'register.json: [5].events[0]: Give the estimated date for the public interest extension.',
      expect.stringMatching(
        /^register\.json: \[6\]\.events\[0\]\.type: must be one of "clarification-requested"/,
      ),
    ]);
    expect(JSON.parse(exportRegisterJson(cf))).toEqual([]);
  });
});

describe('foi-desk import with clock events', () => {
  it('refuses an event before receipt and an unmatched fee-paid, exit 1, file unchanged', () => {
    const file = path.join(dir, 'register.foidesk');
    expect(runCli(['init', file]).code).toBe(0);
    const bad = path.join(dir, 'bad.case.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...withEvents,
        events: [
          { type: 'clarification-requested', date: '2024-02-20' },
          { type: 'clarification-received', date: '2024-03-11' },
          { type: 'fee-paid', date: '2024-03-12' },
        ],
      }),
    );
    const before = readFileSync(file);
    const result = runCli(['import', file, bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${bad}: events[0]: The date of a clock event cannot be before the date the request was received (01/03/2024).`,
    );
    expect(result.stderr).toContain(`${bad}: events[2]: There is no open clock stop for this event to end.`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(JSON.parse(runCli(['export', file]).stdout)).toEqual([]);

    const good = path.join(dir, 'good.case.json');
    writeFileSync(good, JSON.stringify(withEvents));
    expect(runCli(['import', file, good]).code).toBe(0);
    const exported = JSON.parse(runCli(['export', file]).stdout) as { events: unknown }[];
    expect(exported[0]!.events).toEqual(withEvents.events);
  });
});
