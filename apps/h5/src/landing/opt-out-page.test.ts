import { describe, expect, it } from 'vitest';
import { renderOptOutPage } from './opt-out-page';
import { HOSTILE, bodyOf, expectNoInjection, tag } from './testing/html-assertions';
import { escapeHtml } from './escape-html';

describe('renderOptOutPage', () => {
  it('signed link: names the masked phone and confirms with the token, no login, no script', () => {
    const page = renderOptOutPage({ state: { step: 'confirm', token: 'tok_0123456789abcdef', maskedPhone: '139****7777' } });
    expect(page).not.toContain('<script');
    const body = bodyOf(page);
    expect(body).toContain('不会再通过 <b>139****7777</b> 联系您');
    expect(tag(body, /<form [^>]*>/)).toBe('<form method="post" action="/opt-out">');
    expect(body).toContain('<input type="hidden" name="token" value="tok_0123456789abcdef">');
    expect(body).toContain('确认不再联系');
  });

  it('anyone: asks for the phone and posts it to get an SMS code', () => {
    const body = bodyOf(renderOptOutPage({ state: { step: 'phone', phone: '139' }, error: '请输入正确的手机号' }));
    expect(tag(body, /<form [^>]*>/)).toBe('<form method="post" action="/opt-out/code">');
    expect(tag(body, /<input [^>]*name="phone"[^>]*>/)).toContain('value="139"');
    expect(body).toContain('<p class="bad" role="alert">请输入正确的手机号</p>');
  });

  it('after the code was sent: phone kept, code field, confirm and resend', () => {
    const body = bodyOf(renderOptOutPage({ state: { step: 'code', phone: '13988887777', maskedPhone: '139****7777' } }));
    const forms = body.match(/<form [^>]*>/g) ?? [];
    expect(forms).toEqual(['<form method="post" action="/opt-out">', '<form method="post" action="/opt-out/code">']);
    expect(body.match(/<input type="hidden" name="phone" value="13988887777">/g)).toHaveLength(2);
    expect(tag(body, /<input [^>]*name="code"[^>]*>/)).toContain('autocomplete="one-time-code"');
  });

  it('done: says it holds for every staff member', () => {
    const body = bodyOf(renderOptOutPage({ state: { step: 'done', maskedPhone: '139****7777' } }));
    expect(body).toContain('<h1>已为您登记不再联系</h1>');
    expect(body).toContain('对公司的所有员工都有效');
    expect(body).not.toContain('<form');
  });

  it('escapes everything it shows', () => {
    const page = renderOptOutPage({ state: { step: 'code', phone: HOSTILE, maskedPhone: HOSTILE }, error: HOSTILE });
    expectNoInjection(page, 0);
    expect(page).toContain(`<b>${escapeHtml(HOSTILE)}</b>`);
  });
});
