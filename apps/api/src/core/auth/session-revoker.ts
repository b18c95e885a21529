import type { Transaction } from '../database/transaction.runner';

/** Ends every session of a staff member (refresh tokens, access tokens), in the caller's unit of work; provided by the auth module. */
export abstract class SessionRevoker {
  abstract revokeAllFor(staffId: string, tx: Transaction): Promise<void>;
}
