import { Fragment } from 'react';
import type { BlockLine, ScoreTable } from '../../../shared/blocks/blockType.ts';
import { readBlock } from '../../../shared/blocks/fields.ts';
import type { BlockData, BlockType } from '../../../shared/blocks/index.ts';
import { formatDate } from '../../../shared/format.ts';
import { useCase } from '../../state/caseContext.ts';
import { Explained, useGlossary } from '../../ui/Term.tsx';
import { NLDS } from '../../ui/theme.ts';
import { Confirmations } from './Confirmations.tsx';

/** How a block reads: its lines, the same for everybody and in the copy, with the questions as labels. */
export function BlockView({ type, data, sectionId }: { type: BlockType; data: BlockData[BlockType]; sectionId: string }) {
  return (
    <dl>
      {readBlock(type, data).map((line) => (
        <Fragment key={line.key}>
          <dt>{line.label}</dt>
          <dd>
            <LineValue line={line} sectionId={sectionId} blockId={data.id} status={'status' in data ? String(data.status) : undefined} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function LineValue({ line, sectionId, blockId, status }: { line: BlockLine; sectionId: string; blockId: string; status: string | undefined }) {
  const explanation = useGlossary().explain(line.term ?? '');
  if (line.scores) return <ScoreTableView table={line.scores} />;
  if (line.parties) return <Confirmations sectionId={sectionId} blockId={blockId} parties={line.parties} status={status} />;
  if (line.section) return <SectionWay line={line} section={line.section} />;
  let value: React.ReactNode = line.text.split('\n').map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a text have no identity but their order
    <span key={i}>
      {i > 0 && <br />}
      {part}
    </span>
  ));
  if (line.term && explanation) value = <Explained explanation={explanation}>{value}</Explained>;
  if (line.href) value = <a href={line.href}>{value}</a>;
  if (line.strong) value = <strong>{value}</strong>;
  return line.warn ? <span className="block-warn">{value}</span> : value;
}

/** Scores side by side, a column per round from old to new, so the trend shows. */
function ScoreTableView({ table }: { table: ScoreTable }) {
  return (
    <table className="scale-table">
      <caption className="sr-only">Scores per ronde, van oud naar nieuw</caption>
      <thead>
        <tr>
          <th scope="col">Wie</th>
          {table.rounds.map((datum, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two rounds may share a date; their position is their identity
            <th scope="col" key={i}>
              {formatDate(datum)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.party}>
            <th scope="row">{row.party}</th>
            {row.cells.map((cell, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one cell per round, in the order of the rounds
              <td key={i}>
                {cell ? (
                  <>
                    <span className="score" style={{ ['--score' as string]: cell.score }}>
                      {cell.score}
                    </span>{' '}
                    <span className="score-reason">{cell.reden}</span>
                  </>
                ) : (
                  '–'
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A line that points to a section (the family's reaction): a way there if the reader may read it. */
function SectionWay({ line, section }: { line: BlockLine; section: { id: string; open: string } }) {
  const { detail, showSection } = useCase();
  if (!detail.sections.some((s) => s.id === section.id)) return <>{line.text}</>;
  return (
    <button type="button" className={NLDS.inlineLinkButton} onClick={() => showSection(section.id)}>
      {section.open}
    </button>
  );
}
