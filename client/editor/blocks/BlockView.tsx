import type { BlockData, BlockType } from '../../../shared/blocks/index.ts';
import { BESLUIT_LABEL } from '../../../shared/blocks/besluit.ts';
import { catalogueEntry } from '../../../shared/sections.ts';
import { Term } from '../../ui/Term.tsx';
import { formatDate } from '../../../shared/format.ts';
import { BLOCK_FIELDS } from '../../../shared/blocks/fields.ts';
import { useCase } from '../../state/caseContext.ts';
import { Confirmations } from './Confirmations.tsx';

const optionLabel = (type: BlockType, key: string, value: string) => {
  const field = BLOCK_FIELDS[type].find((f) => f.key === key);
  return field?.kind === 'select' ? (field.options[value] ?? value) : value;
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** How a block reads: the same for everybody, with the questions as labels. */
export function BlockView({ type, data, sectionId }: { type: BlockType; data: BlockData[BlockType]; sectionId: string }) {
  switch (type) {
    case 'zorg': {
      const d = data as BlockData['zorg'];
      return (
        <dl>
          <Row label="Wie maakt zich zorgen">{d.wieZorgen}</Row>
          <Row label="Wat">{d.wat}</Row>
          <Row label="Wat dit betekent voor het kind">{d.impact}</Row>
          <Row label="Als er niets verandert">{d.alsNietsVerandert}</Row>
          <Row label="Ernst">
            <span className={`ernst ernst-${d.ernst}`}>{optionLabel(type, 'ernst', d.ernst)}</span>
          </Row>
        </dl>
      );
    }
    case 'kracht': {
      const d = data as BlockData['kracht'];
      return (
        <dl>
          <Row label="Wat gaat goed">{d.wat}</Row>
          <Row label="Wie">{d.wie}</Row>
          <Row label="Sinds">{d.sinds}</Row>
          <Row label="Hoe we dat weten">{d.hoeWeten}</Row>
        </dl>
      );
    }
    case 'schaalvraag':
      return <ScaleView data={data as BlockData['schaalvraag']} />;
    case 'veiligheidsvoorwaarde': {
      const d = data as BlockData['veiligheidsvoorwaarde'];
      return (
        <dl>
          <Row label="Voorwaarde">
            <strong>{d.voorwaarde}</strong>
          </Row>
          <Row label="Waarom">{d.waarom}</Row>
        </dl>
      );
    }
    case 'afspraak': {
      const d = data as BlockData['afspraak'];
      return (
        <>
          <dl>
            <Row label="Afspraak">
              <strong>{d.wat}</strong>
            </Row>
            <Row label="Wie">{d.wie}</Row>
            <Row label="Vanaf">{formatDate(d.vanaf)}</Row>
            <Row label="Uiterlijk">{d.deadline ? formatDate(d.deadline) : 'geen einddatum'}</Row>
            <Row label="Hoe we het controleren">{d.controle}</Row>
            <Row label="Als het niet lukt">{d.alsNiet}</Row>
            <Row label="Stand van zaken">{optionLabel(type, 'status', d.status)}</Row>
            {d.toelichting && <Row label="Toelichting">{d.toelichting}</Row>}
          </dl>
          <Confirmations sectionId={sectionId} afspraak={d} />
        </>
      );
    }
    case 'signaal': {
      const d = data as BlockData['signaal'];
      return (
        <dl>
          <Row label="Als je dit merkt">{d.signaal}</Row>
          <Row label="Doe je dit">{d.actie}</Row>
          <Row label="En bel je">
            {d.wieBellen}
            {d.telefoon && (
              <>
                {' '}
                (<a href={`tel:${d.telefoon.replace(/[^0-9+]/g, '')}`}>{d.telefoon}</a>)
              </>
            )}
          </Row>
        </dl>
      );
    }
    case 'actie': {
      const d = data as BlockData['actie'];
      return (
        <dl>
          <Row label="Taak">{d.taak}</Row>
          <Row label="Wie">{d.eigenaar}</Row>
          <Row label="Klaar op">{formatDate(d.deadline)}</Row>
          <Row label="Stand van zaken">{optionLabel(type, 'status', d.status)}</Row>
          <Row label="Levensgebied">{catalogueEntry(d.levensgebied).title}</Row>
        </dl>
      );
    }
    case 'besluit': {
      const d = data as BlockData['besluit'];
      const term = d.keuze === 'drang' ? 'drang' : d.keuze === 'raad_onderzoek' ? 'raadsonderzoek' : null;
      return (
        <dl>
          <Row label="Besluit">
            <strong>{term ? <Term term={term}>{BESLUIT_LABEL[d.keuze]}</Term> : BESLUIT_LABEL[d.keuze]}</strong>
          </Row>
          <Row label="Waarom">{d.onderbouwing}</Row>
          <Row label="Datum">{formatDate(d.datum)}</Row>
          <Row label="Aanwezig">{d.aanwezig.join(', ')}</Row>
          <Row label="Reactie van het gezin">
            <FamilyReaction sectionId={d.reactieSectie} />
          </Row>
        </dl>
      );
    }
  }
}

/** Scores of the latest round side by side, earlier rounds beside them so the trend shows. */
function ScaleView({ data }: { data: BlockData['schaalvraag'] }) {
  const parties = [...new Set(data.rondes.flatMap((r) => r.scores.map((s) => s.partij)))];
  return (
    <>
      <p className="scale-question">{data.vraag}</p>
      <table className="scale-table">
        <caption className="sr-only">Scores per ronde, van oud naar nieuw</caption>
        <thead>
          <tr>
            <th scope="col">Wie</th>
            {data.rondes.map((r) => (
              <th scope="col" key={r.datum}>
                {formatDate(r.datum)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {parties.map((party) => (
            <tr key={party}>
              <th scope="row">{party}</th>
              {data.rondes.map((r) => {
                const s = r.scores.find((x) => x.partij === party);
                return (
                  <td key={r.datum}>
                    {s ? (
                      <>
                        <span className="score" style={{ ['--score' as string]: s.score }}>
                          {s.score}
                        </span>{' '}
                        <span className="score-reason">{s.reden}</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Next to a decision: the way to the family's reaction, if there is one and the reader may read it. */
function FamilyReaction({ sectionId }: { sectionId: string | null }) {
  const { detail, showSection } = useCase();
  if (!sectionId) return <>nog geen reactie</>;
  if (!detail.sections.some((s) => s.id === sectionId)) return <>het gezin heeft gereageerd</>;
  return (
    <button type="button" className="link-button" onClick={() => showSection(sectionId)}>
      Lees de reactie van het gezin
    </button>
  );
}
