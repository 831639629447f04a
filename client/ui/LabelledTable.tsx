import type { Key, ReactNode } from 'react';
import { NLDS } from './theme.ts';

export interface Column<T> {
  label: string;
  cell(row: T): ReactNode;
  className?(row: T): string | undefined;
}

interface Props<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T, index: number): Key;
  rowClassName?(row: T): string | undefined;
  className?: string;
}

/**
 * A table whose cells carry their column's name. On a phone the rows become cards and each value
 * keeps its label ("Wie: Murat") instead of a row of columns running off the screen.
 */
export function LabelledTable<T>({ columns, rows, rowKey, rowClassName, className }: Props<T>) {
  return (
    <table className={`labelled-table ${NLDS.table}${className ? ` ${className}` : ''}`}>
      <thead className={NLDS.tableHeader}>
        <tr className={NLDS.tableRow}>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={NLDS.tableHeaderCell}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={NLDS.tableBody}>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={withClass(NLDS.tableRow, rowClassName?.(row))}>
            {columns.map((c) => (
              <td key={c.label} data-label={c.label} className={withClass(NLDS.tableCell, c.className?.(row))}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function withClass(base: string, extra: string | undefined): string {
  return extra ? `${base} ${extra}` : base;
}
