import { randomBase62 } from '../../core/database/id.util';

/** 10 base62 chars ≈ 59.5 bits: unguessable, short in a URL, well inside WeChat's 32-char `scene`. */
export const SHARE_CODE_LENGTH = 10;

export function newShareCode(): string {
  return randomBase62(SHARE_CODE_LENGTH);
}
