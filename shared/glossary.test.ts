import { describe, expect, it } from 'vitest';
import { GENERAL_TERMS, glossaryFor, type RegionGlossary, withExplanations } from './glossary.ts';

const words = (text: string, region: string | null, regions?: readonly RegionGlossary[]) =>
  withExplanations(text, glossaryFor(region, regions))
    .filter((p) => p.explanation)
    .map((p) => p.text);

describe('the glossary of a region', () => {
  it("explains a region's own word in that region only", () => {
    const text = 'Eva Jansen, Sociaal wijkteam Almere Haven';
    expect(words(text, 'flevoland')).toEqual(['Sociaal wijkteam']);
    expect(words(text, 'utrecht')).toEqual([]);
    expect(words(text, null)).toEqual([]);
    expect(glossaryFor('utrecht').explain('sociaal wijkteam')).toBeUndefined();
  });

  it("the region's explanation of a general word wins over the general one, elsewhere the general one holds", () => {
    expect(glossaryFor('flevoland').explain('lokaal team')).toMatch(/In Almere heet het het sociaal wijkteam/);
    expect(glossaryFor('utrecht').explain('lokaal team')).toBe(GENERAL_TERMS['lokaal team']);
    const regions: RegionGlossary[] = [{ regio: 'zeeland', naam: 'Zeeland', termen: { mdo: 'Het overleg van iedereen om het gezin heen.' } }];
    const [part] = withExplanations('Het MDO is op dinsdag.', glossaryFor('zeeland', regions)).filter((p) => p.explanation);
    expect(part).toEqual({ text: 'MDO', explanation: 'Het overleg van iedereen om het gezin heen.' });
  });

  it('finds words whole and without regard to capitals, the longest first', () => {
    expect(words('De POH GGZ en de ggz; Intake schuldhulp, geen schuldhulpje.', null)).toEqual(['POH GGZ', 'ggz', 'Intake', 'schuldhulp']);
    expect(words('Een basis-GGZ-traject', null)).toEqual([]);
  });

  it('keeps the text as it was written, word for word', () => {
    const text = 'Als de voorwaarden niet worden nagekomen, vraagt de tafel een raadsonderzoek aan.';
    expect(
      withExplanations(text, glossaryFor('flevoland'))
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('explains a block type where a block shows, but does not look for block names in written text', () => {
    expect(glossaryFor(null).explain('veiligheidsvoorwaarde')).toMatch(/./);
    expect(words('Het besluit van de tafel', null)).toEqual([]);
  });
});
