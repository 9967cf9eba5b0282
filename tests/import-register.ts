/**
 * A register of `count` interchange cases written to a JSON file as it is made (the file is never
 * one string in memory): what the streaming import's slow test and the import bench read.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CaseRecord } from '../shared/case-format';

const REGIMES = ['FOIA', 'EIR', 'FOIA', 'FOIA', 'SAR'] as const;

export function registerCase(i: number): CaseRecord {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 2005 + (Math.floor(i / 336) % 20);
  const received = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const closed = i % 4 !== 0;
  const respondedDay = Math.min(28, day + 14);
  return {
    format: 'foi-desk/case@1',
    reference: `IMP/${year}/${String(i).padStart(7, '0')}`,
    regime: REGIMES[i % REGIMES.length]!,
    received,
    requester: { name: `Requester ${i}`, email: `r${i}@example.org` },
    subject: `Cyber Essentials and network spending, request ${i}`,
    requestText: `Please provide the following for the years 2019 to 2023. ${'Details of contracts, suppliers and spending on the network. '.repeat(6)}`,
    questions: [
      { number: '1', text: 'How much did you spend on network security each year?' },
      {
        number: '2',
        text: 'Which suppliers provide it?',
        ...(closed
          ? {
              response: {
                outcome: 'provided' as const,
                text: 'The suppliers are listed in the attached table.',
              },
            }
          : {}),
      },
    ],
    status: closed ? 'closed' : 'open',
    ...(closed
      ? {
          outcome: 'granted' as const,
          responded: `${year}-${String(month).padStart(2, '0')}-${String(respondedDay).padStart(2, '0')}`,
        }
      : {}),
    officer: `Officer ${i % 7}`,
  };
}

/** Writes `count` cases as one JSON array to `path`. */
export async function writeRegister(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('[\n');
  for (let i = 0; i < count; i++) await write(`${i ? ',\n' : ''}${JSON.stringify(registerCase(i), null, 2)}`);
  await write('\n]\n');
  out.end();
  await once(out, 'finish');
}
