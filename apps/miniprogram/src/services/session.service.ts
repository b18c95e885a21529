import Taro from '@tarojs/taro';
import { sessionUserSchema, type AuthTokens, type SessionUser } from '@fenji/shared';

/** Storage keys of the staff session; one place so logout clears them all. */
const KEYS = {
  accessToken: 'fenji.accessToken',
  refreshToken: 'fenji.refreshToken',
  user: 'fenji.user',
} as const;

function read(key: string): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function getAccessToken(): string | null {
  return read(KEYS.accessToken);
}

export function getRefreshToken(): string | null {
  return read(KEYS.refreshToken);
}

export function getSessionUser(): SessionUser | null {
  const raw = read(KEYS.user);
  if (!raw) return null;
  try {
    const parsed = sessionUserSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function hasSession(): boolean {
  return getAccessToken() !== null || getRefreshToken() !== null;
}

export function saveSession(tokens: AuthTokens): void {
  Taro.setStorageSync(KEYS.accessToken, tokens.accessToken);
  Taro.setStorageSync(KEYS.refreshToken, tokens.refreshToken);
  Taro.setStorageSync(KEYS.user, JSON.stringify(tokens.user));
}

export function saveSessionUser(user: SessionUser): void {
  Taro.setStorageSync(KEYS.user, JSON.stringify(user));
}

export function clearSession(): void {
  for (const key of Object.values(KEYS)) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // Storage that cannot be cleared is already as empty as it gets.
    }
  }
}
