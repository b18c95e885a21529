/**
 * Mainland China mobile numbers in one canonical form: 11 digits starting with 1[3-9].
 * `+86 138-0013-8000`, `13800138000`, `8613800138000` and `0086 138 0013 8000` are all `13800138000`.
 */
export function normalizePhone(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 32) return null;
  if (!/^[\d\s+\-().]*$/.test(raw)) return null;
  const international = raw.trim().startsWith('+');
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 15 && digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  else if (international) return null; // another country's code
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
