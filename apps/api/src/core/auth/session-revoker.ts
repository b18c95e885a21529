/** Ends every session of a staff member (refresh tokens); provided by the auth module. */
export abstract class SessionRevoker {
  abstract revokeAllFor(staffId: string): Promise<void>;
}
