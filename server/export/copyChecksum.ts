import { createHash } from 'node:crypto';
import type { CaseCopy, CopiedSection } from './caseCopy.ts';

/** SHA-256 codes that let anyone check later that a copy was not changed. */
export interface CopyChecksum {
  /** Over the whole copy: who it was made for, when, every section's code in order and the minutes. */
  total: string;
  /** Per section id: over its content, comments, confirmations, status and approval as copied. */
  sections: Map<string, string>;
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The codes are computed over what the copy shows (the readable content as JSON, not the PDF
 * bytes), so the same file state gives the same code in the HTML page and the PDF alike.
 */
export function copyChecksum(copy: CaseCopy): CopyChecksum {
  const sections = new Map(copy.sections.map((s) => [s.section.id, sectionChecksum(s, copy)]));
  const total = sha256({ caseId: copy.caseId, caseTitle: copy.caseTitle, at: copy.at, madeFor: copy.madeFor, sections: [...sections], minutes: copy.minutes });
  return { total, sections };
}

function sectionChecksum(s: CopiedSection, copy: CaseCopy): string {
  return sha256({
    id: s.section.id,
    title: s.section.title,
    status: s.review.status,
    approval: s.review.approval,
    nodes: s.nodes,
    threads: s.threads,
    confirmations: copy.confirmations.filter((c) => c.sectionId === s.section.id),
  });
}
