import type pg from 'pg';

// PostgreSQL allows 65,535 parameters per statement.
const MAX_PARAMETERS = 60_000;

/**
 * Inserts rows (objects whose keys are the column names, ids included) with multi-row parameterised
 * INSERTs, then moves the table's id sequence past them (a table keyed by another's id has none).
 */
export async function insertRows(client: pg.ClientBase, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const rowsPerStatement = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values: unknown[] = [];
    const tuples = rows.slice(start, start + rowsPerStatement).map((row) => {
      const record = row as Record<string, unknown>;
      const placeholders = columns.map((column) => {
        values.push(record[column]);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
  if (columns.includes('id'))
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM ${table}))`, [table]);
}
