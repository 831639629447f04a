import { describe, expect, it } from 'vitest';
import { startReasonLine } from './caseClosing.ts';

describe('the reason a case started', () => {
  it('a professional reads that none was written down', () => {
    expect(startReasonLine('regisseur', null)).toEqual({ label: 'Aanleiding bij de start', text: 'niet ingevuld' });
  });

  it('the family reads no empty field, and a written reason under a plain question', () => {
    expect(startReasonLine('ouder', null)).toBeNull();
    expect(startReasonLine('netwerk', '  ')).toBeNull();
    expect(startReasonLine('ouder', 'Melding van de school over Lina.')).toEqual({ label: 'Waarom de zaak begon', text: 'Melding van de school over Lina.' });
  });
});
