import type { AuditEntry } from '../../shared/api.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';

/**
 * One entry per person and Dutch day for opening sections: the log keeps a row per opening
 * (NEN 7513), but to the family Eva Jansen opening three sections, one of them twice, is one
 * thing that happened that day: "Eva Jansen las 3 onderdelen". The entry lists the sections in
 * the order they were first opened that day, each with how often; it stands where the day's last
 * opening stands and keeps its time. Looks under emergency access stay an entry of their own.
 *
 * Entries are newest first, as the log gives them, and hold only rows the reader may see: the
 * sections listed, and so their count, are only ones the reader may read. Anything else stays as
 * it is.
 */
export function oneEntryPerRead(entries: readonly AuditEntry[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  const seen = new Map<string, { entry: AuditEntry; times: Map<string, number> }>();
  for (const e of entries) {
    if (e.event !== 'sectie-bekeken' || e.sectionId === null) {
      out.push(e);
      continue;
    }
    const key = JSON.stringify([e.who, e.role, e.organisationId, e.onBehalfOf, e.detail, dateInNetherlands(new Date(e.at))]);
    let day = seen.get(key);
    if (!day) {
      day = { entry: { ...e, sectionId: null, sectionTitle: null, sections: [] }, times: new Map() };
      seen.set(key, day);
      out.push(day.entry);
    }
    const times = day.times.get(e.sectionId);
    // Newest first: the section's place moves to its earlier opening.
    if (times !== undefined) day.entry.sections!.splice(day.entry.sections!.findIndex((s) => s.id === e.sectionId), 1);
    day.entry.sections!.push({ id: e.sectionId, title: e.sectionTitle ?? '' });
    day.times.set(e.sectionId, (times ?? 0) + 1);
  }
  for (const { entry, times } of seen.values()) {
    entry.sections = entry.sections!.reverse().map((s) => {
      const n = times.get(s.id)!;
      return n > 1 ? { ...s, times: n } : s;
    });
  }
  return out;
}
