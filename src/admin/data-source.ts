import type { DataSource } from 'typeorm';

/**
 * The admin layer's one database, set when the admin is built (buildAdmin): the resources' actions and
 * hooks read it here, as they read the time from clock.ts.
 */
let source: DataSource | undefined;

export function setDataSource(dataSource: DataSource): void {
  source = dataSource;
}

export function dataSource(): DataSource {
  if (!source) throw new Error('the admin is not built: buildAdmin sets its DataSource');
  return source;
}
