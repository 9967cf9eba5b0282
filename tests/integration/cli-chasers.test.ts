/**
 * `foi-desk chasers` as a process (needs `npm run build`): the chasers due today across the
 * register, from the same schedule as the case page. A department was asked 30 days ago (the app's
 * clock set back), so its first chaser has fallen due whatever day the test runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { contributorHandlers } from '../../main/services/handlers/contributors';
import { todayIso } from '../../shared/dates';
import { serviceOf } from '../service';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

const then = new Date(Date.now() - 30 * 86_400_000);
let temp: ReturnType<typeof makeTempDir>;
let file = '';

beforeAll(async () => {
  temp = makeTempDir();
  const app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester',
    now: () => then,
    integrityCheck: false,
  });
  const desk = serviceOf(app);
  file = path.join(temp.dir, 'register.foidesk');
  await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  const s = app.requireSession();
  const { departments } = contributorHandlers['contributors:save-department'](s, {
    department: { name: 'Estates', contactName: 'Pat Lee', email: 'estates@trust.nhs.uk', active: true },
  });
  const draft = (reference: string) => ({
    reference,
    regime: 'FOIA' as const,
    received: todayIso(then),
    requester: { name: 'Jo Bloggs' },
    subject: 'Car parking',
    requestText: 'Car parking income.',
    questions: [],
  });
  const asked = desk.createCase(draft('FOI 100')).id;
  contributorHandlers['contributors:ask'](s, {
    caseId: asked,
    departmentId: departments[0]!.id,
    questionIds: [],
  });
  desk.createCase(draft('FOI 101'));
  await desk.lock();
});
afterAll(() => temp.cleanup());

describe('foi-desk chasers', () => {
  it('lists the chasers due today, as a table and as JSON', () => {
    const env = { FOI_DESK_PASSPHRASE: PASSPHRASE };
    const dayBefore = todayIso();
    const json = runCli(['chasers', file, '--json'], env);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as {
      today: string;
      chasers: { reference: string; to: string; chase: string }[];
    };
    // (The run may cross midnight.)
    expect([dayBefore, todayIso()]).toContain(out.today);
    expect(out.chasers).toHaveLength(1);
    expect(out.chasers[0]).toMatchObject({ reference: 'FOI 100', to: 'estates@trust.nhs.uk', number: 1 });
    expect(['chase', 'overdue']).toContain(out.chasers[0]!.chase);
    const text = runCli(['chasers', file], env);
    expect(text.stdout).toMatch(/^1 chaser due/);
    expect(text.stdout).toMatch(/FOI 100\s+Estates\s+(Chaser|Overdue chaser) 1/);
  });
});
