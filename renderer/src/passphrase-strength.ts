/**
 * A rough strength estimate for a new passphrase, to nudge towards several words rather than a
 * short password. It is advice, not a gate: the only hard rule is the minimum length.
 */
import { MIN_PASSPHRASE_LENGTH as MIN_LENGTH } from '../../shared/passphrase';

export { MIN_LENGTH };

export interface Strength {
  /** 0 too short, 1 weak, 2 fair, 3 good, 4 strong. */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  advice: string;
}

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  '123456',
  'letmein',
  'welcome',
  'nhs',
  'trust',
  'admin',
  'foi',
  'iloveyou',
  'monkey',
  'dragon',
];

export function passphraseStrength(passphrase: string): Strength {
  if (passphrase.length < MIN_LENGTH) {
    return {
      score: 0,
      label: 'Too short',
      advice: `Use at least ${MIN_LENGTH} characters; four or more random words are better.`,
    };
  }
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/\d/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  const distinct = new Set(passphrase).size;
  // Repeated characters add little: count the distinct ones more than the repeats.
  const effectiveLength = Math.min(passphrase.length, distinct * 2);
  let bits = effectiveLength * Math.log2(Math.max(pool, 2));
  const lower = passphrase.toLowerCase();
  for (const word of COMMON) if (lower.includes(word)) bits -= 15;
  if (/^(.)\1+$/.test(passphrase)) bits = 0;
  const words = passphrase
    .trim()
    .split(/[\s\-_.]+/)
    .filter((w) => w.length >= 3).length;
  if (words >= 4) bits += 10;
  if (bits < 40)
    return { score: 1, label: 'Weak', advice: 'Easy to guess. Use four or more unrelated words.' };
  if (bits < 60) return { score: 2, label: 'Fair', advice: 'Could be stronger: add another unrelated word.' };
  if (bits < 80) return { score: 3, label: 'Good', advice: 'A good passphrase.' };
  return { score: 4, label: 'Strong', advice: 'A strong passphrase.' };
}
