import { z } from 'zod';
import { dateInNetherlands } from '../calendar/isoDate.ts';
import { formatDate } from '../format.ts';
import { nameWithRole, Role } from '../roles.ts';
import { type BlockType, blockDefinition } from './index.ts';

/**
 * Who wrote something, as the server attests it: the owner of the Yjs client id it was written
 * with, in the role and organisation they had then, and the day that id was first stored. Never a
 * field anyone typed.
 */
export const Attestation = z.object({
  userId: z.string(),
  name: z.string(),
  role: Role,
  organisationId: z.string(),
  at: z.string().nullable(),
});
export type Attestation = z.infer<typeof Attestation>;

/** Who put a block in its section and who gave it its present content. */
export const BlockAuthorship = z.object({
  blockId: z.string(),
  insertedBy: Attestation.nullable(),
  changedBy: Attestation.nullable(),
});
export type BlockAuthorship = z.infer<typeof BlockAuthorship>;

/** "Sanne de Groot, ouder, op 2 december 2026": the words every view of a block uses. */
export function attestationLine(a: Attestation): string {
  const day = a.at ? `, op ${formatDate(dateInNetherlands(new Date(a.at)))}` : '';
  return `${nameWithRole(a.name, a.role)}${day}`;
}

/**
 * "Gesteld door Ingrid Visser (Raad), 2 december 2026 · gewijzigd door …": the line under a block in
 * every view, with the words of its type; null while nobody is attested (stored before that was kept).
 */
export function authorshipLine(type: BlockType, { insertedBy, changedBy }: Pick<BlockAuthorship, 'insertedBy' | 'changedBy'>): string | null {
  if (!insertedBy) return null;
  const changed = changedBy && changedBy.userId !== insertedBy.userId ? ` · gewijzigd door ${attestationLine(changedBy)}` : '';
  return `${blockDefinition(type).attestedAs} ${attestationLine(insertedBy)}${changed}`;
}
