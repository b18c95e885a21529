import { type MigrationInterface, type QueryRunner, Table, TableIndex, TableUnique, type TableColumnOptions } from 'typeorm';

// Portable column builders: the same schema on MySQL/MariaDB and SQLite. Frozen with this migration.
const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '26', isPrimary: name === 'id', isNullable: false });
const ref = (name: string, nullable = false, length = '26'): TableColumnOptions => ({ name, type: 'varchar', length, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });

const idx = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });
const uq = (name: string, columnNames: string[]) => new TableUnique({ name, columnNames });

const TABLES: Table[] = [
  new Table({ name: 'branches', columns: [id(), str('name', 60), time('created_at')], uniques: [uq('uq_branches_name', ['name'])] }),
  new Table({
    name: 'staff',
    columns: [
      id(),
      str('name', 40),
      str('phone', 20),
      str('role', 16),
      ref('branch_id', true),
      str('status', 16),
      str('password_hash', 200, true),
      str('invite_code', 16, true),
      str('wechat_openid', 64, true),
      time('created_at'),
      time('updated_at'),
    ],
    uniques: [uq('uq_staff_phone', ['phone']), uq('uq_staff_invite_code', ['invite_code']), uq('uq_staff_wechat_openid', ['wechat_openid'])],
    indices: [idx('idx_staff_branch', ['branch_id'])],
  }),
  new Table({
    name: 'refresh_tokens',
    columns: [id(), ref('staff_id'), ref('family_id'), str('token_hash', 64), time('expires_at'), time('revoked_at', true), time('created_at')],
    indices: [idx('idx_refresh_tokens_staff', ['staff_id']), idx('idx_refresh_tokens_family', ['family_id'])],
  }),
  new Table({
    name: 'rate_limits',
    columns: [{ name: 'bucket', type: 'varchar', length: '191', isPrimary: true, isNullable: false }, int('hits'), time('reset_at')],
  }),
  new Table({
    name: 'audit_logs',
    columns: [id(), ref('actor_staff_id', true), str('action', 64), str('target_type', 32, true), ref('target_id', true, '40'), text('detail'), str('ip', 64, true), time('created_at')],
    indices: [idx('idx_audit_logs_actor', ['actor_staff_id', 'id']), idx('idx_audit_logs_target', ['target_type', 'target_id'])],
  }),
  new Table({
    name: 'contents',
    columns: [
      id(),
      str('kind', 16),
      str('title', 100),
      str('summary', 300),
      text('body', false),
      str('cover_url', 500, true),
      bool('published'),
      time('published_at', true),
      ref('created_by'),
      time('created_at'),
      time('updated_at'),
    ],
    indices: [idx('idx_contents_published', ['published', 'id'])],
  }),
  new Table({
    name: 'shares',
    columns: [id(), str('code', 32), ref('content_id'), ref('staff_id'), ref('parent_share_id', true), ref('sharer_visitor_id', true, '40'), str('channel', 16), int('depth'), time('created_at')],
    uniques: [uq('uq_shares_code', ['code'])],
    indices: [idx('idx_shares_staff', ['staff_id', 'id']), idx('idx_shares_content', ['content_id']), idx('idx_shares_parent', ['parent_share_id'])],
  }),
  new Table({
    name: 'visitors',
    columns: [{ name: 'id', type: 'varchar', length: '40', isPrimary: true, isNullable: false }, ref('lead_id', true), ref('first_share_id', true), time('created_at')],
    indices: [idx('idx_visitors_lead', ['lead_id'])],
  }),
  new Table({
    name: 'visit_events',
    columns: [id(), ref('share_id'), ref('staff_id'), ref('visitor_id', false, '40'), str('type', 16), int('value', true), time('created_at')],
    indices: [
      idx('idx_visit_events_share', ['share_id', 'id']),
      idx('idx_visit_events_visitor', ['visitor_id', 'id']),
      idx('idx_visit_events_staff', ['staff_id', 'id']),
    ],
  }),
  new Table({
    name: 'leads',
    columns: [
      id(),
      str('phone', 20),
      str('name', 40),
      str('status', 16),
      str('pool', 8),
      ref('owner_staff_id', true),
      ref('branch_id', true),
      ref('first_share_id'),
      ref('referrer_visitor_id', true, '40'),
      int('chain_depth'),
      text('message'),
      str('consent_version', 20),
      time('consented_at'),
      time('protected_until', true),
      int('touch_count'),
      time('created_at'),
      time('last_touch_at'),
    ],
    uniques: [uq('uq_leads_phone', ['phone'])],
    indices: [
      idx('idx_leads_owner', ['owner_staff_id', 'id']),
      idx('idx_leads_branch', ['branch_id', 'id']),
      idx('idx_leads_status', ['status', 'id']),
      idx('idx_leads_pool', ['pool', 'id']),
    ],
  }),
  new Table({
    name: 'touches',
    columns: [id(), ref('lead_id'), ref('share_id'), ref('staff_id'), ref('visitor_id', true, '40'), str('name', 40), text('message'), str('idempotency_key', 64, true), bool('collision'), time('created_at')],
    uniques: [uq('uq_touches_idempotency_key', ['idempotency_key'])],
    indices: [idx('idx_touches_lead', ['lead_id', 'id'])],
  }),
  new Table({
    name: 'lead_ownership_changes',
    columns: [id(), ref('lead_id'), ref('from_staff_id', true), ref('to_staff_id', true), str('rule', 32), ref('actor_staff_id', true), str('reason', 200, true), ref('share_id', true), time('created_at')],
    indices: [idx('idx_lead_ownership_changes_lead', ['lead_id', 'id'])],
  }),
];

export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name, true);
  }
}
