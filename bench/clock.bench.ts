/**
 * The statutory clock over 100,000 cases: the queue paths, and the full working for comparison.
 * Numbers to read, not to fail a build on a busy machine.
 */
import { computeDeadline, computeDueDate } from '../shared/clock';
import { clockCases } from './clock-cases';
import { measure } from './harness';

const cases = clockCases(100_000);

const coldStart = performance.now();
computeDueDate({ regime: 'FOIA', received: '2025-01-06', jurisdiction: 'england-and-wales' });
computeDueDate({ regime: 'SAR', received: '2025-01-06', jurisdiction: 'scotland' });
console.log(`first calls (build the holiday lookups): ${(performance.now() - coldStart).toFixed(1)} ms`);

await measure('100,000 cases: computeDueDate (queue sort)', () => {
  for (const c of cases) computeDueDate(c);
});
await measure('100,000 cases: computeDeadline({ explain: false }) (queue rows)', () => {
  for (const c of cases) computeDeadline(c, { explain: false });
});
await measure(
  '100,000 cases: computeDeadline with the full working',
  () => {
    for (const c of cases) computeDeadline(c);
  },
  { iterations: 3 },
);
