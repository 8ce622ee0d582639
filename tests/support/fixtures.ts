import type pg from 'pg';
import { idNumberCheckChar } from '../../src/domain/id-number.js';

/** A valid ID number (GB 11643) for the given address code, birth date and sequence. */
export function validIdNumber(address = '410402', birth = '19850312', seq = '042'): string {
  const first17 = `${address}${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export async function countyId(db: pg.Client, name: string): Promise<number> {
  const { rows } = await db.query(`SELECT id FROM organization WHERE name = $1 AND level = 'county'`, [name]);
  return rows[0].id;
}

export async function firstTownship(db: pg.Client, county: number): Promise<number> {
  const { rows } = await db.query(
    `SELECT id FROM organization WHERE county_id = $1 AND level = 'township' ORDER BY id LIMIT 1`,
    [county],
  );
  return rows[0].id;
}

export async function count(db: pg.Client, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0].n;
}

/** Inserts one row of hand-built fixture values into `table` (column names are the object's keys). */
export function insertRow(db: pg.Client, table: string, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  return db.query(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}
