import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { roomName, type CaseId, type SectionInstanceId } from '../../shared/ids.ts';
import type { Organisation } from '../../shared/directory.ts';
import type { OrganisationId } from '../../shared/ids.ts';
import { isFamilyRole, type Role } from '../../shared/roles.ts';
import { CATALOGUE, type CatalogueEntry } from '../../shared/sections.ts';
import { documentSchema } from '../../shared/editor/schema.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { hashPassword } from '../auth/password.ts';
import type { SqlStore } from '../store/db.ts';
import { DEMO_CONTENT } from './demoContent.ts';

export const DEMO_PASSWORD = 'tafel-demo';
export const DEMO_CASE_ID = 'demo';

/** When the demo analysis was written: after the tafel of 12 November, so history reads true. */
const WRITTEN_AT = '2026-11-12T16:30:00.000Z';

interface DemoPerson {
  id: string;
  name: string;
  kind: 'ouder' | 'kind' | 'netwerk';
  birthYear: number;
  /**
   * The children's age in years and months on the day the demo is seeded, so they stay the age
   * the text gives them (Noa 15, with her parents still reading her health section by default).
   */
  age?: [years: number, months: number];
}

const PERSONS: DemoPerson[] = [
  { id: 'p-sanne', name: 'Sanne de Groot', kind: 'ouder', birthYear: 1992 },
  { id: 'p-murat', name: 'Murat Yilmaz', kind: 'ouder', birthYear: 1989 },
  { id: 'p-noa', name: 'Noa Yilmaz', kind: 'kind', birthYear: 2011, age: [15, 4] },
  { id: 'p-daan', name: 'Daan Yilmaz', kind: 'kind', birthYear: 2018, age: [8, 2] },
  { id: 'p-ria', name: 'Ria de Groot', kind: 'netwerk', birthYear: 1963 },
];

/** The date `years` and `months` before `now`, as `yyyy-mm-dd`. */
function bornAged(now: Date, [years, months]: [number, number]): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth() - months, Math.min(now.getUTCDate(), 28)));
  return d.toISOString().slice(0, 10);
}

const ORGANISATIONS = ['lokaal-team-almere', 'veilig-thuis-flevoland', 'raad-kinderbescherming', 'jeugdbescherming-flevoland'] as const;

/** The demo's organisations in the directory, the crisis service included. */
const DIRECTORY: Organisation[] = [
  { id: 'lokaal-team-almere' as OrganisationId, name: 'Sociaal wijkteam Almere Haven', kind: 'lokaal_team', region: 'flevoland' },
  { id: 'veilig-thuis-flevoland' as OrganisationId, name: 'Veilig Thuis Flevoland', kind: 'veilig_thuis', region: 'flevoland' },
  { id: 'raad-kinderbescherming' as OrganisationId, name: 'Raad voor de Kinderbescherming, regio Midden-Nederland', kind: 'raad', region: 'flevoland' },
  { id: 'jeugdbescherming-flevoland' as OrganisationId, name: 'Jeugdbescherming Flevoland', kind: 'gi', region: 'flevoland' },
  { id: 'crisisdienst-flevoland' as OrganisationId, name: 'Crisisdienst Jeugd Flevoland', kind: 'crisisdienst', region: 'flevoland' },
];

/** The directory's name of a demo organisation, as a case started in Tafel titles its own sections. */
function organisationName(id: string): string {
  return DIRECTORY.find((o) => o.id === id)?.name ?? id;
}

/**
 * How the family reaches each organisation's professional (seed 003: a letter with contact details
 * and working days of the fixed contact). Fictional numbers in the demo's region.
 */
const DEMO_CONTACTS = [
  { user_id: 'regisseur', phone: '036-5399999', working_days: JSON.stringify(['maandag', 'dinsdag', 'donderdag']) },
  { user_id: 'vt', phone: '0800-2000', working_days: JSON.stringify(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag']) },
  { user_id: 'raad', phone: '088-3212000', working_days: JSON.stringify(['dinsdag', 'woensdag', 'vrijdag']) },
  { user_id: 'gi', phone: '036-5301100', working_days: JSON.stringify(['maandag', 'woensdag', 'donderdag', 'vrijdag']) },
];

interface DemoAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  personId: string | null;
}

/** The demo accounts of DESIGN.md, password `tafel-demo`. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: 'regisseur', email: 'regisseur@demo.tafel', name: 'Eva Jansen', role: 'regisseur', organisationId: 'lokaal-team-almere', personId: null },
  { id: 'vt', email: 'vt@demo.tafel', name: 'Karim El Amrani', role: 'veilig_thuis', organisationId: 'veilig-thuis-flevoland', personId: null },
  { id: 'raad', email: 'raad@demo.tafel', name: 'Ingrid Visser', role: 'raad', organisationId: 'raad-kinderbescherming', personId: null },
  { id: 'gi', email: 'gi@demo.tafel', name: 'Tom Bos', role: 'gi', organisationId: 'jeugdbescherming-flevoland', personId: null },
  { id: 'gw', email: 'gw@demo.tafel', name: 'Lotte Hendriks', role: 'gedragswetenschapper', organisationId: 'lokaal-team-almere', personId: null },
  { id: 'moeder', email: 'moeder@demo.tafel', name: 'Sanne de Groot', role: 'ouder', organisationId: 'gezin', personId: 'p-sanne' },
  { id: 'vader', email: 'vader@demo.tafel', name: 'Murat Yilmaz', role: 'ouder', organisationId: 'gezin', personId: 'p-murat' },
  { id: 'jeugdige', email: 'jeugdige@demo.tafel', name: 'Noa Yilmaz', role: 'jeugdige', organisationId: 'gezin', personId: 'p-noa' },
  { id: 'oma', email: 'oma@demo.tafel', name: 'Ria de Groot', role: 'netwerk', organisationId: 'gezin', personId: 'p-ria' },
];

/**
 * A crisis worker who is not in the demo case: she can start emergency access to it (zaaknummer
 * `demo`), as the night shift of a crisis service would.
 */
export const DEMO_CRISIS_WORKER = {
  id: 'crisis',
  email: 'crisis@demo.tafel',
  name: 'Fatima Bakker',
  role: 'veilig_thuis',
  organisationId: 'crisisdienst-flevoland',
} as const satisfies Omit<DemoAccount, 'personId'>;

/**
 * The beheerder of the lokaal team: keeps that organisation's part of the directory (page
 * "Beheer"), and is in no case.
 */
export const DEMO_BEHEERDER = { id: 'beheerder', email: 'beheerder@demo.tafel', name: 'Joyce Smit', organisationId: 'lokaal-team-almere' } as const;

/**
 * Who wrote which demo section, where it is not the regisseur: Veilig Thuis set the safety
 * conditions, the Raad recorded the decision of the tafel, each parent wrote their own words.
 */
const SECTION_AUTHOR: Record<string, DemoAccount['id']> = {
  veiligheidsplan: 'vt',
  besluit: 'raad',
  // A parent's own words and reaction are theirs: only they write there.
  'eigen-woorden-sanne': 'moeder',
  'reactie-besluit-sanne': 'moeder',
  'eigen-woorden-murat': 'vader',
  'reactie-besluit-murat': 'vader',
  'reactie-jeugdige-noa': 'jeugdige',
};

export interface DemoSection {
  id: string;
  entry: CatalogueEntry;
  title: string;
  subjectPersonId: string | null;
  ownerOrganisationId: string | null;
}

/** Every section instance of the demo case: one per catalogue entry, per adult, per child or per organisation. */
export function demoSections(): DemoSection[] {
  return CATALOGUE.flatMap((entry): DemoSection[] => {
    switch (entry.instancePer) {
      case 'case':
        return [{ id: entry.id, entry, title: entry.title, subjectPersonId: null, ownerOrganisationId: null }];
      case 'volwassene':
      case 'kind': {
        const kind = entry.instancePer === 'volwassene' ? 'ouder' : 'kind';
        return PERSONS.filter((p) => p.kind === kind).map((p) => ({
          id: `${entry.id}-${p.id.slice(2)}`,
          entry,
          title: `${entry.title}: ${p.name.split(' ')[0]}`,
          subjectPersonId: p.id,
          ownerOrganisationId: null,
        }));
      }
      case 'organisatie':
        return ORGANISATIONS.map((org) => ({ id: `${entry.id}-${org}`, entry, title: `${entry.title} (${organisationName(org)})`, subjectPersonId: null, ownerOrganisationId: org }));
    }
  });
}

/** Seeds the demo case into an empty store. Returns false when users already exist. */
export async function seedDemo(sql: SqlStore): Promise<boolean> {
  const any = await sql.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const now = new Date().toISOString();
  const users = [...DEMO_ACCOUNTS, DEMO_CRISIS_WORKER];
  const hashes = await Promise.all([...users, DEMO_BEHEERDER].map(() => hashPassword(DEMO_PASSWORD)));
  const schema = documentSchema();
  const sections = demoSections();
  try {
    await sql.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values(
          users.map((a, i) => {
            // Professionals are in the directory; family members are bound to a person of the case.
            const professional = !isFamilyRole(a.role);
            return { id: a.id, email: a.email, name: a.name, password_hash: hashes[i]!, created_at: now, role: professional ? a.role : null, organisation_id: professional ? a.organisationId : null };
          }),
        )
        .execute();
      await trx.insertInto('organisations').values(DIRECTORY).execute();
      await trx.insertInto('contact_details').values(DEMO_CONTACTS).execute();
      const b = DEMO_BEHEERDER;
      await trx.insertInto('users').values({ id: b.id, email: b.email, name: b.name, password_hash: hashes[users.length]!, created_at: now }).execute();
      await trx.insertInto('beheerders').values({ user_id: b.id, organisation_id: b.organisationId, added_at: now }).execute();
      await trx
        .insertInto('emergency_staff')
        .values({ user_id: DEMO_CRISIS_WORKER.id, role: DEMO_CRISIS_WORKER.role, organisation_id: DEMO_CRISIS_WORKER.organisationId })
        .execute();
      await trx
        .insertInto('cases')
        .values({
          id: DEMO_CASE_ID,
          title: 'Gezin De Groot – Yilmaz',
          region: 'flevoland',
          status: 'actief',
          created_at: '2026-09-28T09:00:00.000Z',
          dates: JSON.stringify({
            meldingOntvangen: '2026-09-28',
            beoordeeld: '2026-09-29',
            kindGezien: '2026-10-01',
            risicotaxatie: '2026-10-09',
            gezinsplanVastgesteld: null,
            laatsteEvaluatie: null,
            laatsteKindGezien: '2026-10-01',
          }),
        })
        .execute();
      await trx
        .insertInto('persons')
        .values(
          PERSONS.map((p) => {
            const birthDate = p.age ? bornAged(new Date(), p.age) : null;
            return { id: p.id, case_id: DEMO_CASE_ID, name: p.name, kind: p.kind, birth_year: birthDate ? Number(birthDate.slice(0, 4)) : p.birthYear, birth_date: birthDate };
          }),
        )
        .execute();
      await trx
        .insertInto('participants')
        .values(
          DEMO_ACCOUNTS.map((a) => ({
            case_id: DEMO_CASE_ID,
            user_id: a.id,
            role: a.role,
            organisation_id: a.organisationId,
            person_id: a.personId,
            added_at: now,
            removed_at: null,
          })),
        )
        .execute();
      await trx
        .insertInto('sections')
        .values(
          sections.map((s, i) => ({
            id: s.id,
            case_id: DEMO_CASE_ID,
            catalogue_id: s.entry.id,
            subject_person_id: s.subjectPersonId,
            owner_organisation_id: s.ownerOrganisationId,
            title: s.title,
            status: 'concept',
            position: i,
            updated_at: WRITTEN_AT,
            updated_by: 'regisseur',
          })),
        )
        .execute();
      const createdAt = Date.parse(WRITTEN_AT);
      for (const s of sections) {
        const content = DEMO_CONTENT[s.id];
        if (!content) continue;
        const doc = new Y.Doc();
        prosemirrorJSONToYXmlFragment(schema, content, doc.getXmlFragment(DOC_FIELD));
        const room = roomName(DEMO_CASE_ID as CaseId, s.id as SectionInstanceId);
        const author = DEMO_ACCOUNTS.find((a) => a.id === (SECTION_AUTHOR[s.id] ?? 'regisseur'))!;
        await trx.insertInto('doc_updates').values({ room, data: Y.encodeStateAsUpdate(doc), user_id: author.id, created_at: createdAt }).execute();
        // The seed's client id is the author's, so every block reads who wrote it and nobody else can write as them.
        await trx
          .insertInto('doc_clients')
          .values({ room, client_id: doc.clientID, user_id: author.id, role: author.role, organisation_id: author.organisationId, claimed_at: WRITTEN_AT })
          .execute();
        doc.destroy();
      }
    });
  } catch (e) {
    // Another process seeding the same empty database at the same moment wins; that is fine.
    const raced = await sql.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (raced) return false;
    throw e;
  }
  return true;
}
