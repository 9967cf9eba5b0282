import { userInfo } from 'node:os';

/**
 * Who the audit log names when the officer gave no name: the signed-in operating-system user, as
 * the officer knows it (never a channel suffix such as "(app)").
 */
export function currentActor(): string {
  try {
    return userInfo().username || 'unknown user';
  } catch {
    // Some locked-down machines refuse the lookup.
    return 'unknown user';
  }
}
