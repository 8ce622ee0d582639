import pg from 'pg';
import type { Queryable } from './reporting-lookups.js';

/** The read-only role Metabase and analysts log in as (created by migrations/1764000200000_reporting-warehouse.ts). */
export const REPORTING_ROLE = 'wpa_reporting';

/**
 * Lets wpa_reporting log in with the configured password. Needs CREATEROLE (the database owner in
 * docker-compose is a superuser); ALTER ROLE takes no bind parameters, hence the escaped literal.
 */
export async function enableReportingLogin(db: Queryable, password: string): Promise<void> {
  await db.query(`ALTER ROLE ${REPORTING_ROLE} WITH LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
}

/** The connection URL of the read-only role on the same server and database as `databaseUrl`. */
export function reportingDatabaseUrl(databaseUrl: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = REPORTING_ROLE;
  url.password = password;
  return url.toString();
}
