import type { Key, ReactNode } from 'react';

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
    <table className={className ? `labelled-table ${className}` : 'labelled-table'}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={rowClassName?.(row)}>
            {columns.map((c) => (
              <td key={c.label} data-label={c.label} className={c.className?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
