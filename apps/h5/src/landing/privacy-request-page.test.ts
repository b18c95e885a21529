import { describe, expect, it } from 'vitest';
import { renderPrivacyRequestPage } from './privacy-request-page';

describe('renderPrivacyRequestPage: 个人信息请求 without JavaScript', () => {
  it('asks for the phone first, posting to the send-code form', () => {
    const page = renderPrivacyRequestPage({ state: { step: 'phone', phone: '138"><b>' } });
    expect(page).toContain('<h1>个人信息请求</h1>');
    expect(page).toContain('action="/privacy/request/code"');
    expect(page).toContain('value="138&quot;&gt;&lt;b&gt;"');
    expect(page).toContain('<a href="/privacy/request">个人信息请求</a>');
  });

  it('then the code with the four requests in words, the chosen one checked, and what was typed escaped', () => {
    const page = renderPrivacyRequestPage({ state: { step: 'code', phone: '13812345678', maskedPhone: '138****5678', kind: 'erase', message: '<img src=x>' }, error: '验证码不正确' });
    expect(page).toContain('<p class="bad" role="alert">验证码不正确</p>');
    for (const label of ['查阅、复制我的信息', '删除我的信息', '更正我的信息', '撤回同意']) expect(page).toContain(label);
    expect(page).toMatch(/value="erase" required checked/);
    expect(page).toContain('&lt;img src=x&gt;');
    expect(page).not.toMatch(/>(access|erase|correct|withdraw)</);
  });

  it('ends with the due date in words, never an ISO date', () => {
    const page = renderPrivacyRequestPage({ state: { step: 'done', maskedPhone: '138****5678', kind: 'access', dueDate: '2026-12-21' } });
    expect(page).toContain('<b>2026年12月21日</b>');
    expect(page).not.toContain('2026-12-21');
    expect(page).toContain('查阅、复制我的信息');
  });
});
