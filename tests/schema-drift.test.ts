import type { DataSource } from 'typeorm';
import { createDataSource } from '../ormconfig.js';
import { PetitionCase } from '../src/entities/index.js';
import { createTestDatabase } from './support/database.js';

describe('TypeORM entities against the migrated schema', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = createDataSource(await createTestDatabase());
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
  });

  it('would change nothing if synchronised (no drift)', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    const drift = sql.upQueries.map((q) => q.query);
    if (drift.length > 0) {
      console.error(`Entities differ from migrations/ — synchronize would run:\n${drift.join(';\n')};`);
    }
    expect(drift).toEqual([]);
  });

  it('initialises and reads the empty schema', async () => {
    expect(ds.isInitialized).toBe(true);
    await expect(ds.getRepository(PetitionCase).count()).resolves.toBe(0);
  });
});
