import { formatDateTime } from '../format.ts';
import { ROLE_LABEL, type Role } from '../roles.ts';
import type { AccessDecision } from './accessFor.ts';

/** The reason of an access decision in plain Dutch, e.g. "toestemming van Murat Yilmaz". */
export function explainAccess(decision: AccessDecision, role: Role, nameOf: (userId: string) => string): string {
  return decision.reasons
    .map((r) => {
      switch (r.kind) {
        case 'rol':
          return `rol: ${ROLE_LABEL[role]}`;
        case 'eigen':
          return 'gaat over jezelf';
        case 'eigen-stem':
          return 'alleen de persoon zelf schrijft hier; jij kunt reageren';
        case 'toestemming':
          return `toestemming van ${nameOf(r.givenBy)}`;
        case 'wettelijke_grond':
          return `wettelijke grond: ${r.reason}`;
        case 'toekenning':
          return `toegekend door de regisseur: ${r.reason}`;
        case 'intrekking':
          return `ingetrokken door de regisseur: ${r.reason}`;
        case 'noodtoegang':
          return `noodtoegang tot ${formatDateTime(r.until)}: ${r.reason}`;
        case 'vergrendeld':
          return `vergrendeld: ${r.reason}`;
        case 'gearchiveerd':
          return 'gearchiveerd: alleen nog te lezen';
      }
    })
    .join('; ');
}
