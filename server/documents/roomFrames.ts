import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { z } from 'zod';
import { messageSync } from '../../shared/protocol.ts';
import type { ClientClaim } from './updateLog.ts';

/**
 * The frames a room writes: y-websocket's `varUint(type) varUint8Array(payload)`, a sync update,
 * and the claims of new client ids it publishes to the other processes (JSON, checked on arrival).
 */
export function frame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function frameUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

const ClaimList = z.array(z.object({ clientId: z.number().int().nonnegative(), userId: z.string(), role: z.string(), organisationId: z.string(), at: z.string().optional() }));

export function encodeClaims(claims: readonly ClientClaim[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(claims));
}

/** Claims heard from another process; anything that does not parse is none. */
export function decodeClaims(payload: Uint8Array): ClientClaim[] {
  const parsed = ClaimList.safeParse(JSON.parse(new TextDecoder().decode(payload)));
  return parsed.success ? parsed.data : [];
}
