// `npm run check:data`: proves that no lead in the database at DATABASE_URL is half-written (see
// modules/lead/lead-integrity.check.ts). Exit code 0 when every check passes, 1 when one fails, 2 when it cannot run.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, parseDatabaseUrl } from './core/config/config';
import { dataSourceOptions } from './core/database/data-source';
import { checkLeadIntegrity, formatIntegrityReport } from './modules/lead/lead-integrity.check';

async function main(): Promise<number> {
  const db = parseDatabaseUrl(process.env.DATABASE_URL, process.cwd());
  const where = db.type === 'mysql' ? `${db.database} on ${db.host}:${db.port}` : db.path;
  // No query timeout worth the name: over millions of leads a check may take minutes.
  const dataSource = new DataSource(dataSourceOptions(db, 600_000));
  await dataSource.initialize();
  try {
    const report = await checkLeadIntegrity(dataSource);
    console.log(`Fenji data check: ${where}\n${formatIntegrityReport(report)}`);
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Fenji data check could not run: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
