import { type Attestation, BlockAuthorship } from '../../shared/blocks/authorship.ts';
import { Role } from '../../shared/roles.ts';
import type { Services } from '../services.ts';
import { blockAuthorship } from './blockAuthorship.ts';
import type { ClientOwner } from './updateLog.ts';

/**
 * The attested authors of each block of a section (who inserted it, who last changed it), for
 * everyone who may read the section. A section that cannot be read gives none rather than failing.
 */
export async function attestedBlocks(s: Pick<Services, 'documents' | 'directory' | 'log'>, room: string): Promise<BlockAuthorship[]> {
  const raw = await s.documents.withRoom(room, (section) => {
    try {
      return blockAuthorship(section);
    } catch (e) {
      s.log(`authorship of ${room} could not be read (${e instanceof Error ? e.name : typeof e})`);
      return [];
    }
  });
  const nameOf = await s.directory.namesOf(
    raw.flatMap((b) => [b.insertedBy?.userId, b.changedBy?.userId].filter((id): id is string => id !== undefined)),
  );
  const attest = (o: ClientOwner | null): Attestation | null => {
    const role = o ? Role.safeParse(o.role) : null;
    if (!o || !role?.success) return null;
    return { userId: o.userId, name: nameOf(o.userId), role: role.data, organisationId: o.organisationId, at: o.at ?? null };
  };
  return raw.map((b) => BlockAuthorship.parse({ blockId: b.blockId, insertedBy: attest(b.insertedBy), changedBy: attest(b.changedBy) }));
}
