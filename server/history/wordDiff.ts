import type { DiffRun } from '../../shared/history.ts';

type Kind = DiffRun['kind'];

/** Word-level diff (longest common subsequence of words and spaces). */
export function wordDiff(before: string, after: string): { kind: Kind; text: string }[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  if (a.length * b.length > 1_000_000) {
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ];
  }
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: { kind: Kind; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) ops.push({ kind: 'removed', text: a[i++]! });
    else ops.push({ kind: 'added', text: b[j++]! });
  }
  while (i < a.length) ops.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) ops.push({ kind: 'added', text: b[j++]! });

  // A lone space kept between two changes splinters them ("de|Noa| |kinderen|en"); it counts as
  // changed, and each stretch of changes reads as what was removed followed by what was added.
  const out: { kind: Kind; text: string }[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  ops.forEach((op, k) => {
    const between = op.kind === 'same' && !op.text.trim() && k > 0 && ops[k - 1]!.kind !== 'same' && ops[k + 1] !== undefined && ops[k + 1]!.kind !== 'same';
    if (op.kind === 'removed' || between) removed += op.text;
    if (op.kind === 'added' || between) added += op.text;
    if (op.kind === 'same' && !between) {
      flush();
      const last = out.at(-1);
      if (last?.kind === 'same') last.text += op.text;
      else out.push({ kind: 'same', text: op.text });
    }
  });
  flush();
  return out;
}
