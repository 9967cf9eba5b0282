import { userInfo } from 'node:os';

/** Who the audit log names for a change: the signed-in operating-system user. */
export function currentActor(channel: 'app' | 'cli'): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // Some locked-down machines refuse the lookup; the audit entry still records the channel.
  }
  return `${user} (${channel})`;
}
