import type { PersonKind } from '../../shared/caseStart.ts';
import { CATALOGUE, type CatalogueEntry } from '../../shared/sections.ts';

/**
 * Which section instances a case has, from the catalogue (DOMAIN.md): one of each section, one
 * `ggz` per adult of the family, one `gezondheid-jeugdige` per child, one `r-werkaantekeningen`
 * per organisation working in the case. Pure, so a new case and a person added later get the
 * same ids and titles.
 */

/** How a person is stored (`persons.kind`): the demo's words, kept for every case. */
export type StoredPersonKind = 'ouder' | 'kind' | 'netwerk';

export const STORED_KIND: Record<PersonKind, StoredPersonKind> = { volwassene: 'ouder', kind: 'kind', netwerk: 'netwerk' };
export const API_KIND: Record<StoredPersonKind, PersonKind> = { ouder: 'volwassene', kind: 'kind', netwerk: 'netwerk' };

export interface PlannedSection {
  id: string;
  catalogueId: CatalogueEntry['id'];
  subjectPersonId: string | null;
  ownerOrganisationId: string | null;
  title: string;
}

export interface SectionSubject {
  id: string;
  name: string;
  kind: StoredPersonKind;
}

/** The part of a person id after its prefix (`p-…`), so section ids stay short and readable. */
const idTail = (id: string) => id.replace(/^p-/, '');

/** The title of a section about one person: the catalogue title and their first name. */
export function personSectionTitle(entry: CatalogueEntry, name: string): string {
  return `${entry.title}: ${name.trim().split(/\s+/)[0]}`;
}

/** The catalogue entries that have one instance per person of this kind (none for the network). */
export function entriesPer(kind: StoredPersonKind): CatalogueEntry[] {
  const per = kind === 'ouder' ? 'volwassene' : kind === 'kind' ? 'kind' : null;
  return per === null ? [] : CATALOGUE.filter((e) => e.instancePer === per);
}

/** The sections about one person. */
export function sectionsAbout(person: SectionSubject): PlannedSection[] {
  return entriesPer(person.kind).map((entry) => ({
    id: `${entry.id}-${idTail(person.id)}`,
    catalogueId: entry.id,
    subjectPersonId: person.id,
    ownerOrganisationId: null,
    title: personSectionTitle(entry, person.name),
  }));
}

/** Every section of a new case, in catalogue order (the order a professional reads a case). */
export function sectionsForCase(persons: readonly SectionSubject[], organisations: readonly { id: string; name: string }[]): PlannedSection[] {
  return CATALOGUE.flatMap((entry): PlannedSection[] => {
    switch (entry.instancePer) {
      case 'case':
        return [{ id: entry.id, catalogueId: entry.id, subjectPersonId: null, ownerOrganisationId: null, title: entry.title }];
      case 'volwassene':
      case 'kind':
        return persons.flatMap((p) => sectionsAbout(p).filter((s) => s.catalogueId === entry.id));
      case 'organisatie':
        return organisations.map((org) => ({ id: `${entry.id}-${org.id}`, catalogueId: entry.id, subjectPersonId: null, ownerOrganisationId: org.id, title: `${entry.title} (${org.name})` }));
    }
  });
}

/** Where in the catalogue order an entry stands; a new section goes after the others of its entry. */
export function cataloguePosition(id: CatalogueEntry['id']): number {
  return CATALOGUE.findIndex((e) => e.id === id);
}
