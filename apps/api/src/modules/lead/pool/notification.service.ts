import { Inject, Injectable } from '@nestjs/common';
import type { Notification } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { newId } from '../../../core/database/id.util';
import type { Transaction } from '../../../core/database/transaction.runner';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import type { NotificationKind } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/** Notes to a staff member about their leads: assignments, recycle warnings, recycling. */
@Injectable()
export class NotificationService {
  constructor(
    @Inject(NotificationRepository) private readonly notifications: NotificationRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
  ) {}

  /** In the unit of work of the change it tells about. */
  async notify(tx: Transaction, staffId: string, kind: NotificationKind, lead: LeadEntity, message: string, now: Date): Promise<void> {
    await this.notifications.insert(tx, { id: newId(now.getTime()), staffId, kind, leadId: lead.id, message: message.slice(0, 300), createdAt: now, readAt: null });
  }

  /** The caller's latest 50, newest first. */
  async list(user: AuthUser): Promise<Notification[]> {
    const rows = await this.notifications.ofStaff(user.id, 50);
    const leads = new Map((await this.leads.findByIds([...new Set(rows.map((n) => n.leadId))])).map((l) => [l.id, l]));
    return rows.map((n) => ({ id: n.id, kind: n.kind, leadId: n.leadId, leadName: leads.get(n.leadId)?.name ?? '', message: n.message, createdAt: n.createdAt.toISOString() }));
  }
}
