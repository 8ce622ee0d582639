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

/**
 * A one-page PDF that opens (a scan's stand-in): uploads refuse a file that only begins like a PDF. No
 * cross-reference table: readers find the objects by scanning, as they do for many scanners' files.
 */
export const ONE_PAGE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** 18-digit resident ID numbers and 11-digit mobiles, as a leaked page would carry them (masks do not match). */
export const ID_NUMBER = /(?<![\d*])\d{17}[\dXx](?![\d*])/g;
export const MOBILE = /(?<![\d*])1\d{10}(?![\d*])/g;

/** Inserts one row of hand-built fixture values into `table` (column names are the object's keys). */
export function insertRow(db: pg.Client, table: string, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  return db.query(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}
