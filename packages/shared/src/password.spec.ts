import { passwordProblem } from './password';
import { passwordSchema } from './auth.schema';

describe('the password rule', () => {
  it.each(['12345678', 'password', 'aaaaaaaa', '        ', 'PassWord', '87654321', 'abcdefgh', 'short1'])('refuses %j', (pw) => {
    expect(passwordProblem(pw)).not.toBeNull();
    expect(passwordSchema.safeParse(pw).success).toBe(false);
  });

  it.each(['tea-garden-42', 'staff-password-1', '我的密码是茶园42'])('accepts %j', (pw) => {
    expect(passwordProblem(pw)).toBeNull();
    expect(passwordSchema.safeParse(pw).success).toBe(true);
  });

  it('says why in Chinese', () => {
    expect(passwordProblem('12345678')).toBe('密码不能是连续的数字或字母');
    expect(passwordProblem('password')).toBe('这个密码太常见，请换一个');
    expect(passwordProblem('x'.repeat(73))).toBe('密码最多 72 位');
  });
});
