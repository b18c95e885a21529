import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { VisitEventEntity } from './visit-event.entity';
import { VisitorEntity } from './visitor.entity';

interface NativeSqlite {
  prepare(sql: string): { run(...params: unknown[]): unknown };
}

const ROWS = 100;

/** SQLite stores TypeORM datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.mmm'. */
const sqliteTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Batched writes of landing-page visits, the hottest write path: they bypass the query builder.
 * In the caller's unit of work: on SQLite prepared statements on the one connection the unit holds; on
 * MySQL/MariaDB one multi-row INSERT per table.
 */
@Injectable()
export class VisitRepository {
  private sqliteWriter: ((visitors: VisitorEntity[], events: VisitEventEntity[]) => void) | null = null;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insertBatch(tx: Transaction, visitors: VisitorEntity[], events: VisitEventEntity[]): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3') {
      this.sqlite()(visitors, events);
      return;
    }
    if (visitors.length) {
      await tx.manager.query(
        `INSERT IGNORE INTO visitors (id, lead_id, first_share_id, created_at) VALUES ${visitors.map(() => '(?, NULL, ?, ?)').join(', ')}`,
        visitors.flatMap((v) => [v.id, v.firstShareId, v.createdAt]),
      );
    }
    if (events.length) {
      await tx.manager.query(
        `INSERT INTO visit_events (id, share_id, staff_id, visitor_id, type, value, created_at) VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        events.flatMap((e) => [e.id, e.shareId, e.staffId, e.visitorId, e.type, e.value, e.createdAt]),
      );
    }
  }

  countEventsOfShare(shareId: string): Promise<number> {
    return this.dataSource.getRepository(VisitEventEntity).countBy({ shareId });
  }

  /** Ties a browser's earlier anonymous visits to the lead it became (a browser keeps its first lead). */
  async stitchVisitor(tx: Transaction, visitorId: string, leadId: string, shareId: string, at: Date): Promise<void> {
    await tx.manager.createQueryBuilder().insert().into(VisitorEntity).values({ id: visitorId, leadId, firstShareId: shareId, createdAt: at }).orIgnore().execute();
    await tx.manager.getRepository(VisitorEntity).update({ id: visitorId, leadId: IsNull() }, { leadId });
  }

  async leadsOfVisitors(visitorIds: string[]): Promise<Map<string, string>> {
    if (!visitorIds.length) return new Map();
    const rows = await this.dataSource.getRepository(VisitorEntity).find({ where: { id: In(visitorIds), leadId: Not(IsNull()) }, select: { id: true, leadId: true } });
    return new Map(rows.map((v) => [v.id, v.leadId as string]));
  }

  /** Visits of every browser stitched to this lead, oldest first (capped). */
  async visitsOfLead(leadId: string, limit: number): Promise<VisitEventEntity[]> {
    const visitors = await this.dataSource.getRepository(VisitorEntity).find({ where: { leadId }, select: { id: true } });
    if (!visitors.length) return [];
    return this.dataSource.getRepository(VisitEventEntity).find({ where: { visitorId: In(visitors.map((v) => v.id)) }, order: { id: 'ASC' }, take: limit });
  }

  /** Deletes up to `limit` of the oldest visit events with an id below `beforeId` (ids sort by time); how many went. */
  async purgeEventsBefore(tx: Transaction, beforeId: string, limit: number): Promise<number> {
    const rows = await tx.manager.getRepository(VisitEventEntity).find({ where: { id: LessThan(beforeId) }, select: { id: true }, order: { id: 'ASC' }, take: limit });
    if (!rows.length) return 0;
    const result = await tx.manager.getRepository(VisitEventEntity).delete({ id: In(rows.map((r) => r.id)) });
    return result.affected ?? 0;
  }

  /** Drops every browser stitched to a lead and all their visit events; how many events went. */
  async eraseVisitorsOfLead(tx: Transaction, leadId: string): Promise<number> {
    const visitors = await tx.manager.getRepository(VisitorEntity).find({ where: { leadId }, select: { id: true } });
    if (!visitors.length) return 0;
    const ids = visitors.map((v) => v.id);
    const events = await tx.manager.getRepository(VisitEventEntity).delete({ visitorId: In(ids) });
    await tx.manager.getRepository(VisitorEntity).delete({ id: In(ids) });
    return events.affected ?? 0;
  }

  private sqlite(): (visitors: VisitorEntity[], events: VisitEventEntity[]) => void {
    if (this.sqliteWriter) return this.sqliteWriter;
    const db = (this.dataSource.driver as unknown as { databaseConnection: NativeSqlite }).databaseConnection;
    const visitor = db.prepare('INSERT OR IGNORE INTO visitors (id, lead_id, first_share_id, created_at) VALUES (?, NULL, ?, ?)');
    // Events go in multi-row statements of up to ROWS rows (prepared once per row count).
    const statements = new Map<number, { run(...params: unknown[]): unknown }>();
    const eventsInsert = (rows: number) => {
      let stmt = statements.get(rows);
      if (!stmt) {
        stmt = db.prepare(`INSERT INTO visit_events (id, share_id, staff_id, visitor_id, type, value, created_at) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
        statements.set(rows, stmt);
      }
      return stmt;
    };
    this.sqliteWriter = (visitors: VisitorEntity[], events: VisitEventEntity[]) => {
      for (const v of visitors) visitor.run(v.id, v.firstShareId, sqliteTime(v.createdAt));
      for (let i = 0; i < events.length; i += ROWS) {
        const chunk = events.slice(i, i + ROWS);
        eventsInsert(chunk.length).run(...chunk.flatMap((e) => [e.id, e.shareId, e.staffId, e.visitorId, e.type, e.value, sqliteTime(e.createdAt)]));
      }
    };
    return this.sqliteWriter;
  }
}
