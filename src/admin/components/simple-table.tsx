import { Table, TableBody, TableCell, TableHead, TableRow } from '@adminjs/design-system';
import React from 'react';

interface Column {
  title: string;
  /** its cells keep to one line */
  nowrap?: boolean;
}

/** A plain table: a header line of column titles, a line a row; `empty` stands alone when there are no rows. */
export const SimpleTable: React.FC<
  {
    columns: Column[];
    rows: { key: React.Key; cells: React.ReactNode[] }[];
    empty?: string;
  } & Omit<React.ComponentProps<typeof Table>, 'children' | 'rows'>
> = ({ columns, rows, empty, ...table }) => (
  <Table {...table}>
    <TableHead>
      <TableRow>
        {columns.map((c) => (
          <TableCell key={c.title}>{c.title}</TableCell>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.length === 0 && empty !== undefined && (
        <TableRow>
          <TableCell colSpan={columns.length}>{empty}</TableCell>
        </TableRow>
      )}
      {rows.map((row) => (
        <TableRow key={row.key}>
          {row.cells.map((cell, i) => (
            <TableCell key={i} style={columns[i]?.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
              {cell}
            </TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
