/**
 * The password rule every form and the API share: 8 to 72 characters, not only spaces, not one character
 * repeated, not a plain run like 12345678, and not one of the passwords people pick most (a short list kept
 * here, compared case-insensitively; it holds what leaked-password lists and Chinese sites both rank highest).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 72;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11223344', '12341234',
  '11111111', '00000000', '88888888', '66666666', '99999999', '12121212', '13141314', '52013141',
  '5201314520', '1314520520', '147258369', '123123123', '123321123', '112233445566', '123456123456',
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'iloveyou', 'iloveyou1',
  'qwertyui', 'qwerty123', 'qwertyuiop', '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'qazwsxedc', 'zaq12wsx',
  'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'abcd1234', 'abc12345', 'abc123456', 'a1234567', 'a12345678',
  'a123456789', 'aa123456', 'aa12345678', 'a1b2c3d4', 'abcdefgh', 'abcdefg1', 'woaini1314', 'woaini520',
  'woaini123', 'wangyang', 'zhang123', 'admin123', 'admin888', 'admin1234', 'administrator', 'root1234',
  'welcome1', 'welcome123', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'starwars',
  'trustno1', 'letmein1', 'dragon12', 'monkey12', 'master12', 'changeme', 'computer', 'internet',
  'whatever', 'qq123456', 'qq5201314', 'q1w2e3r4', 'test1234', 'testtest', 'demo1234', 'fenji123',
]);

/** Why `password` is refused, in Chinese for a person; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 位`;
  if (!password.trim()) return '密码不能全是空格';
  if (new Set(password).size === 1) return '密码不能是同一个字符重复';
  if (isPlainRun(password)) return '密码不能是连续的数字或字母';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return '这个密码太常见，请换一个';
  return null;
}

/** 12345678, 87654321, abcdefgh: each character one step from the last, all the same way. */
function isPlainRun(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.charCodeAt(0));
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}
