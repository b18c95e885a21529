import { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config/config';
import { dataSourceOptions } from '../src/core/database/data-source';
import { SCHEMA } from '../src/database.config';
import { freshDatabase } from './support/test-app';

/** The newest migrations undo cleanly (their down()) and apply again, on SQLite and on MariaDB. */
describe('the newest migrations, down to contents, cards and brand: down() and up again', () => {
  it('reverts the backfill and the schema, then applies them again', async () => {
    const db = await freshDatabase();
    const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET: 'test-secret-that-is-long-enough-0123456789' });
    const ds = new DataSource(dataSourceOptions(config.database, 5000, SCHEMA));
    try {
      await ds.initialize();
      await ds.runMigrations();
      const has = async (table: string) => {
        const runner = ds.createQueryRunner();
        try {
          return await runner.hasTable(table);
        } finally {
          await runner.release();
        }
      };
      expect(await has('staff_cards')).toBe(true);
      // Undo down to (and including) the contents/cards/brand pair: every later migration's down() runs first.
      const executed = (await ds.query('SELECT name FROM migrations ORDER BY timestamp DESC, id DESC')) as Array<{ name: string }>;
      const upTo = executed.findIndex((m) => m.name.startsWith('ContentsCardsBrand'));
      expect(upTo).toBeGreaterThanOrEqual(1);
      for (let i = 0; i <= upTo; i++) await ds.undoLastMigration();
      expect(await has('staff_cards')).toBe(false);
      expect(await has('brand_settings')).toBe(false);
      expect((await ds.createQueryRunner().getTable('contents'))?.findColumnByName('status')).toBeUndefined();
      expect((await ds.createQueryRunner().getTable('shares'))?.findColumnByName('content_id')?.isNullable).toBe(false);
      await ds.runMigrations();
      expect(await has('staff_cards')).toBe(true);
      expect((await ds.createQueryRunner().getTable('shares'))?.findColumnByName('content_id')?.isNullable).toBe(true);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
