import type { AuditEntry } from '../../shared/api.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';

/**
 * One entry per person, section and Dutch day for opening a section: the log keeps a row per
 * opening (NEN 7513), but three openings of "Aanleiding en hulpvraag" in two minutes are one look
 * to the family, shown once with how often. Entries are newest first, as the log gives them; the
 * entry keeps the latest time and counts the openings in `times`. Anything else stays as it is.
 */
export function oneEntryPerRead(entries: readonly AuditEntry[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  const seen = new Map<string, AuditEntry>();
  for (const e of entries) {
    if (e.event !== 'sectie-bekeken' || e.sectionId === null) {
      out.push(e);
      continue;
    }
    const key = JSON.stringify([e.sectionId, e.who, e.role, e.organisationId, e.onBehalfOf, e.detail, dateInNetherlands(new Date(e.at))]);
    const same = seen.get(key);
    if (same) {
      same.times = (same.times ?? 1) + 1;
      continue;
    }
    const entry = { ...e };
    seen.set(key, entry);
    out.push(entry);
  }
  return out;
}
