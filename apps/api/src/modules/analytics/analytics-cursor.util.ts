/** Opaque keyset cursors of the analytics lists: a sort key and the last row's id. */
const ID = /^[0-9A-Z]{26}$/;

export function encodeKeyCursor(key: number, id: string): string {
  return Buffer.from(`a1:${key}:${id}`).toString('base64url');
}

/** Null when the cursor is not one of ours. */
export function decodeKeyCursor(cursor: string): { key: number; id: string } | null {
  const match = /^a1:(-?\d{1,16}):([0-9A-Z]{26})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { key: Number(match[1]), id: match[2]! } : null;
}

/** A radar item's id as given back in `after` (ids are ULIDs). */
export function isItemId(value: string): boolean {
  return ID.test(value);
}
