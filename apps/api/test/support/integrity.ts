import type { DataSource } from 'typeorm';
import { checkLeadIntegrity, formatIntegrityReport } from '../../src/modules/lead/lead-integrity.check';

/** Fails with the readable report of `npm run check:data` when any lead is half-written. */
export async function expectIntactData(dataSource: DataSource): Promise<void> {
  const report = await checkLeadIntegrity(dataSource);
  if (!report.ok) throw new Error(`the data is not intact:\n${formatIntegrityReport(report)}`);
}
