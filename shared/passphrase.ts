/**
 * The one hard rule for a new passphrase, shared by the case file, the contract and the unlock
 * screen so they cannot drift apart. Strength beyond it is advice (renderer/src/passphrase-strength).
 */
export const MIN_PASSPHRASE_LENGTH = 8;
