import { Inject, Injectable } from '@nestjs/common';
import type { MarkAllReadResult, NotificationItem } from '@fenji/shared';
import { Clock } from '../../../core/clock/clock';
import { AppException } from '../../../core/errors/app.exception';
import type { AuthUser } from '../../../core/auth/auth-user';
import { newId } from '../../../core/database/id.util';
import type { Transaction } from '../../../core/database/transaction.runner';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import type { NotificationEntity, NotificationKind } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/** Notes to a staff member about their leads (assignments, recycling, new leads, customers back): kept, read, dismissed. */
@Injectable()
export class NotificationService {
  constructor(
    @Inject(NotificationRepository) private readonly notifications: NotificationRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** In the unit of work of the change it tells about. */
  async notify(tx: Transaction, staffId: string, kind: NotificationKind, lead: LeadEntity, message: string, now: Date): Promise<void> {
    await this.notifications.insert(tx, { id: newId(now.getTime()), staffId, kind, leadId: lead.id, message: message.slice(0, 300), createdAt: now, readAt: null, dismissedAt: null });
  }

  /** In the caller's unit of work: a notice about a lead known by id (analytics' new-lead and hot-return notices). */
  async notifyAbout(tx: Transaction, staffId: string, kind: NotificationKind, leadId: string, message: string, now: Date): Promise<void> {
    await this.notifications.insert(tx, { id: newId(now.getTime()), staffId, kind, leadId, message: message.slice(0, 300), createdAt: now, readAt: null, dismissedAt: null });
  }

  unreadCount(staffId: string): Promise<number> {
    return this.notifications.countUnread(staffId);
  }

  /** The caller's latest 50 notices that are not dismissed, newest first. */
  async list(user: AuthUser): Promise<NotificationItem[]> {
    const rows = await this.notifications.ofStaff(user.id, 50);
    const leads = new Map((await this.leads.findByIds([...new Set(rows.map((n) => n.leadId))])).map((l) => [l.id, l]));
    return rows.map((n) => toNotificationItem(n, leads.get(n.leadId)?.name ?? null));
  }

  /** Marks one of the caller's notices read (again is fine); another's or an unknown one is 404. */
  async read(user: AuthUser, id: string): Promise<void> {
    if (!(await this.notifications.exists(user.id, id))) throw notFound();
    await this.notifications.markRead(user.id, this.clock.now(), id);
  }

  async readAll(user: AuthUser): Promise<MarkAllReadResult> {
    return { updated: await this.notifications.markRead(user.id, this.clock.now()) };
  }

  /** Dismisses one of the caller's notices: it leaves the list (and the unread count). */
  async dismiss(user: AuthUser, id: string): Promise<void> {
    if (!(await this.notifications.exists(user.id, id))) throw notFound();
    await this.notifications.dismiss(user.id, id, this.clock.now());
  }
}

const notFound = () => AppException.notFound('NOT_FOUND', '这条提醒不存在或已删除');

function toNotificationItem(n: NotificationEntity, leadName: string | null): NotificationItem {
  return { id: n.id, kind: n.kind, leadId: n.leadId, leadName, message: n.message, createdAt: n.createdAt.toISOString(), readAt: n.readAt ? n.readAt.toISOString() : null };
}
