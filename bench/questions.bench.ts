/**
 * The question splitter: how many requests of the corpus it splits as an officer would, and how
 * long a proposal takes for a typical request (the new-case form runs it as the officer types) and
 * for a 1 MB text (the largest `foi-desk questions` reads).
 */
import path from 'node:path';
import { compareSplit, loadCorpus } from '../tests/fixtures/requests/corpus';
import { proposeQuestions } from '../shared/questions';
import { measure } from './harness';

const corpus = loadCorpus(path.resolve('tests', 'fixtures', 'requests'));
const right = corpus.filter((r) => compareSplit(proposeQuestions(r.text).questions, r.expected) === null);
const examples = corpus.filter((r) => r.file === 'examples.json');
console.log(
  `split as an officer would: ${right.length} of ${corpus.length} requests ` +
    `(${right.filter((r) => r.file === 'examples.json').length} of ${examples.length} real examples)`,
);

const typical = corpus.find((r) => r.id === 'tavistock-23-24403-parking')!.text;
await measure('proposeQuestions, a 24-item request', () => proposeQuestions(typical), { iterations: 200 });
const numbered = Array.from(
  { length: 999 },
  (_, i) => `${i + 1}. How many beds were open in ward ${i} on 1 April?`,
);
const prose = 'Can you provide the figures for 2023. Please break this down by site. ';
const megabyte = `${numbered.join('\n')}\n\n${prose.repeat(Math.ceil((1024 * 1024 - numbered.join('\n').length) / prose.length))}`;
await measure(
  'proposeQuestions, 1 MB (999 numbered questions, then prose)',
  () => proposeQuestions(megabyte),
  {
    iterations: 5,
  },
);
