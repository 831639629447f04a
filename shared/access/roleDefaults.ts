import type { AccessLevel } from '../caseModel.ts';
import type { Role } from '../roles.ts';
import type { CatalogueId } from '../sections.ts';

type Code = 'n' | 'r' | 'c' | 'e';
const LEVEL: Record<Code, AccessLevel> = { n: 'none', r: 'read', c: 'comment', e: 'edit' };

/** Column order of the table below. */
const COLUMNS: readonly Role[] = ['regisseur', 'veilig_thuis', 'raad', 'gi', 'gedragswetenschapper', 'ouder', 'jeugdige', 'netwerk'];

/**
 * Role defaults per catalogue section (n none, r read, c comment, e edit), before per-person
 * rules, consent, grants and legal locks. Read as: "a <column> may <cell> section <row>".
 * Per-person rows give the level for people who are not the subject; the subject's own level
 * comes from the policy.
 */
// prettier-ignore
const TABLE: Record<CatalogueId, string> = {
  //                       reg vt raad gi gw ouder jeugd netw
  'aanleiding':           'e e r e c c c n',
  'gezin':                'e e r e c c c n',
  'stem-jeugdige':        'e r r r c r e n',
  'stem-ouders':          'e r r r c e r n',
  'eigen-woorden':        'c c c c c c c n',
  'financien':            'e r r e c c n n',
  'bestaanszekerheid':    'e r r e c c n n',
  'ggz':                  'e r r e c n n n',
  'gezondheid-jeugdige':  'e e r e c c n n',
  'onderwijs':            'e r r e c c c n',
  'opvoeding':            'e e r e c c c n',
  'huiselijk-geweld':     'e e r e c c c n',
  'online':               'e e r e c c c n',
  'justitie':             'e e r e c c n n',
  'zorgen-krachten':      'e e r e c c c n',
  'verklarende-analyse':  'e e r e c c r n',
  'veiligheidsplan':      'e e r e c c c r',
  'plan':                 'e r r e c c c n',
  'besluit':              'r r e r c r r n',
  'reactie-gezin':        'r r r r r e e n',
  'reactie-besluit':      'c c c c c c c n',
  'reactie-jeugdige':     'e c c c c c c n',
  'evaluatie':            'e r r e c c c n',
  'r-melder':             'n e n n n n n n',
  'r-adres':              'e e e e r n n n',
  'r-derden':             'e e e e r n n n',
  'r-werkaantekeningen':  'e e e e e n n n',
};

const PARSED = new Map<CatalogueId, Map<Role, AccessLevel>>(
  Object.entries(TABLE).map(([id, row]) => {
    const cells = row.split(' ') as Code[];
    return [id as CatalogueId, new Map(COLUMNS.map((role, i) => [role, LEVEL[cells[i] ?? 'n']]))];
  }),
);

/** The role default for a section, before any other rule. */
export function roleDefault(catalogueId: CatalogueId, role: Role): AccessLevel {
  return PARSED.get(catalogueId)?.get(role) ?? 'none';
}

/** Level the subject of a per-person section has on their own section. */
export const SUBJECT_LEVEL: AccessLevel = 'comment';
