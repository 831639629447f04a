import { describe, expect, it } from 'vitest';
import { CaseDetail } from './api.ts';

/** A case answer as a device kept it before sections had decidedOn and shareWith, and participants an organisation name. */
const keptBefore = {
  id: 'demo',
  title: 'Gezin De Groot',
  region: 'flevoland',
  status: 'open',
  me: { userId: 'moeder', name: 'Sanne de Groot', role: 'ouder', organisationId: 'gezin', personId: 'p-sanne' },
  persons: [],
  participants: [{ userId: 'moeder', name: 'Sanne de Groot', role: 'ouder', organisationId: 'gezin', personId: 'p-sanne' }],
  sections: [
    {
      id: 'besluit',
      caseId: 'demo',
      catalogueId: 'besluit',
      subjectPersonId: null,
      ownerOrganisationId: null,
      title: 'Besluit Jeugdbeschermingstafel',
      status: 'concept',
      access: 'comment',
      because: 'Je leest mee als ouder.',
      restriction: null,
      updatedAt: null,
      updatedBy: null,
      visibleTo: [],
      present: [],
    },
  ],
  withheld: [],
};

describe('a case answer kept on the device from an older version', () => {
  it('still opens offline: the fields added since read as empty', () => {
    const parsed = CaseDetail.safeParse(keptBefore);
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    expect(parsed.data?.me.organisation).toBeNull();
    expect(parsed.data?.sections[0]).toMatchObject({ decidedOn: null, shareWith: { persons: [], consentRoles: [], legalGroundRoles: [] } });
  });
});
