import type { SubjectLead } from '@fenji/shared';
import type { Transaction } from '../../core/database/transaction.runner';

/** A lead's records without its consents (the ledger adds those). */
export type SubjectLeadRecords = Omit<SubjectLead, 'consents'>;

/**
 * What a rights request and the retention job need from the module that owns leads, touches, follow-ups and
 * the visits stitched to them. The lead module implements it and registers at init
 * (`PrivacySubjectService.registerRecords`), so privacy imports nothing from lead (lead calls the consent ledger).
 */
export interface SubjectRecords {
  /** Every lead held under this normalized phone, with its touches, follow-ups, ownership history and visits. */
  findByPhone(phone: string): Promise<SubjectLeadRecords[]>;
  /**
   * Anonymises one lead in `tx`, under its row lock: name, phone and messages gone, search grams and the visits
   * of its browsers dropped; counts kept. False when it is already anonymised, or (with `staleBefore`) when it
   * was touched, followed up or converted since the retention run picked it.
   */
  erase(tx: Transaction, leadId: string, at: Date, staleBefore?: Date): Promise<boolean>;
  /** Up to `limit` leads, not anonymised and not converted, neither touched nor followed up since `before`. */
  staleLeadIds(before: Date, limit: number): Promise<string[]>;
}
