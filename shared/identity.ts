import { z } from 'zod';
import { Role } from './roles.ts';

/**
 * Who a person is in a live document (awareness `user` field). The server sets it from the
 * session; whatever a client claims there is overwritten.
 */
export const PresenceUser = z.object({
  userId: z.string(),
  name: z.string(),
  role: Role,
  color: z.string(),
});
export type PresenceUser = z.infer<typeof PresenceUser>;

/** The name shown for a user id whose account is gone (or never was): everywhere the same words. */
export const UNKNOWN_USER = 'onbekende gebruiker';

/** Caret colours with at least 4.5:1 contrast against white text labels. */
const PALETTE = ['#b3261e', '#1b5e20', '#0d47a1', '#6a1b9a', '#bf360c', '#004d40', '#880e4f', '#37474f'];

/** A stable colour per user, so a person keeps their colour across sections and sessions. */
export function colorFor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
