/** A reproducible mix of 100,000 cases for the clock benchmarks (shared by both bench files). */
import type { Jurisdiction, Regime } from '../shared/case-format';
import type { ClockEvent, ClockInput, ExtraHoliday } from '../shared/clock';

// mulberry32: a tiny seeded generator, so every run times the same cases.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIME_MIX: Regime[] = [
  'FOIA',
  'FOIA',
  'FOIA',
  'FOIA',
  'EIR',
  'SAR',
  'SAR',
  'FOI-IR',
  'EIR-RECON',
  'FOISA',
];
const JURISDICTIONS: Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const EXTRA: ExtraHoliday[] = [{ date: '2026-12-14', name: 'State funeral' }];

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function clockCases(count = 100_000): ClockInput[] {
  const next = random(20250106);
  const first = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2027, 11, 31) - first;
  const out: ClockInput[] = [];
  for (let i = 0; i < count; i++) {
    const regime = REGIME_MIX[Math.floor(next() * REGIME_MIX.length)] ?? 'FOIA';
    const receivedMs = first + Math.floor((next() * span) / 86_400_000) * 86_400_000;
    const received = iso(receivedMs);
    const day = (n: number) => iso(receivedMs + n * 86_400_000);
    const events: ClockEvent[] = [];
    const roll = next();
    // About one case in five has clock events, as in a real register.
    if (roll < 0.05) events.push({ type: 'clarification-requested', date: day(2) });
    else if (roll < 0.1) {
      events.push(
        { type: 'clarification-requested', date: day(2) },
        { type: 'clarification-received', date: day(9) },
      );
    } else if (roll < 0.13)
      events.push({ type: 'fees-notice-issued', date: day(5) }, { type: 'fee-paid', date: day(12) });
    else if (roll < 0.17) events.push({ type: 'pi-extension', date: day(20), until: day(45) });
    else if (roll < 0.2) events.push({ type: 'sar-extension', date: day(10) });
    out.push({
      regime,
      received,
      jurisdiction:
        regime === 'FOISA' ? 'scotland' : (JURISDICTIONS[Math.floor(next() * 3)] ?? 'england-and-wales'),
      events,
      extraHolidays: i % 10 === 0 ? EXTRA : [],
      receivedOnNonWorkingDayCountsNext: i % 7 === 0,
    });
  }
  return out;
}
