/** The benchmarks seed their registers as the tests do (tests/seed.ts): one seeding for both. */
export { seedCases } from '../tests/seed';
