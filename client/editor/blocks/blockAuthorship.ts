import { useEffect, useState } from 'react';
import { z } from 'zod';
import { type BlockAuthorship, BlockAuthorship as BlockAuthorshipSchema } from '../../../shared/blocks/authorship.ts';
import { api } from '../../api/http.ts';
import { useCaseVersion } from '../../state/caseLive.ts';

const List = z.array(BlockAuthorshipSchema);
/** One request per section and version of its content, however many blocks it shows. */
const asked = new Map<string, Promise<BlockAuthorship[]>>();

/** The attested author of a block (who inserted it, who last changed it), as the server reads it. */
export function useBlockAuthorship(caseId: string, sectionId: string, blockId: string | undefined): BlockAuthorship | null {
  const version = useCaseVersion(caseId, ['sections']);
  const [found, setFound] = useState<BlockAuthorship | null>(null);
  useEffect(() => {
    if (!blockId || !sectionId) return;
    const key = `${caseId}/${sectionId}/${version}`;
    let request = asked.get(key);
    if (!request) {
      request = api('GET', `/api/cases/${encodeURIComponent(caseId)}/sections/${encodeURIComponent(sectionId)}/blocks`, List);
      asked.set(key, request);
      request.catch(() => asked.delete(key));
    }
    let live = true;
    request.then((all) => live && setFound(all.find((b) => b.blockId === blockId) ?? null), () => {});
    return () => {
      live = false;
    };
  }, [caseId, sectionId, blockId, version]);
  return found;
}
