import type { VersionDetail as Detail } from '../../shared/history.ts';
import { colorFor, UNKNOWN_USER } from '../../shared/identity.ts';

/** A version's difference with now, per block: added text underlined, removed struck through, in the writer's colour. */
export function HistoryDiff({ detail }: { detail: Detail }) {
  const changed = detail.diff.filter((b) => b.runs.some((r) => r.kind !== 'same'));
  if (changed.length === 0) return <p>Geen verschil met nu.</p>;
  return (
    <div className="diff">
      {changed.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: diff blocks are positional
        <p key={i}>
          {block.runs.map((r, j) => {
            const style = r.by ? { color: colorFor(r.by.userId), borderColor: colorFor(r.by.userId) } : undefined;
            // biome-ignore-start lint/suspicious/noArrayIndexKey: runs are positional
            if (r.kind === 'added')
              return (
                <ins key={j} style={style} title={`toegevoegd door ${r.by?.name ?? UNKNOWN_USER}`}>
                  {r.text}
                </ins>
              );
            if (r.kind === 'removed')
              return (
                <del key={j} style={style} title={`verwijderd door ${r.by?.name ?? UNKNOWN_USER}`}>
                  {r.text}
                </del>
              );
            return <span key={j}>{r.text}</span>;
            // biome-ignore-end lint/suspicious/noArrayIndexKey: runs are positional
          })}
        </p>
      ))}
      <p className="muted hint">Onderstreept is toegevoegd, doorgestreept is verwijderd; de kleur is van de schrijver (wijs aan voor de naam).</p>
    </div>
  );
}
