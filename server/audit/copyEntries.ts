import type { AuditEntry } from '../../shared/api.ts';

/** Rows of one copy are written together; older copies wrote one row per section a few ms apart. */
const SAME_COPY_MS = 5_000;

/**
 * One entry per copy (export) instead of one per section: the log stores a row per section so
 * every reader is shown only the sections they may read, and the reader sees those as one entry
 * listing them. Entries are newest first, as the log gives them; a copy's rows are adjacent.
 */
export function oneEntryPerCopy(entries: readonly AuditEntry[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const e of entries) {
    const last = out.at(-1);
    if (e.event === 'export' && e.sectionId !== null && last && sameCopy(last, e)) {
      last.sections!.push({ id: e.sectionId, title: e.sectionTitle ?? '' });
      // Newest first: the copy began at its earliest row.
      last.at = e.at;
      continue;
    }
    if (e.event === 'export' && e.sectionId !== null) {
      out.push({ ...e, sectionId: null, sectionTitle: null, sections: [{ id: e.sectionId, title: e.sectionTitle ?? '' }] });
    } else out.push(e);
  }
  // Sections in the order the copy had them (the log lists them newest first).
  for (const e of out) e.sections?.reverse();
  return out;
}

function sameCopy(copy: AuditEntry, row: AuditEntry): boolean {
  return (
    copy.event === 'export' &&
    copy.sections !== undefined &&
    copy.who === row.who &&
    copy.role === row.role &&
    copy.organisationId === row.organisationId &&
    Math.abs(Date.parse(copy.at) - Date.parse(row.at)) < SAME_COPY_MS &&
    !copy.sections.some((s) => s.id === row.sectionId)
  );
}
