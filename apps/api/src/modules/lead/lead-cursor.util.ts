/** Opaque cursors: the last id of a page, so clients never build keyset conditions themselves. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`v1:${lastId}`).toString('base64url');
}

export function decodeCursor(cursor: string): string | null {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = raw.startsWith('v1:') ? raw.slice(3) : '';
  return /^[0-9A-Z]{26}$/.test(id) ? id : null;
}
