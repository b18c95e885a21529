import { describe, expect, it } from 'vitest';
import { renderLeadResultPage } from './lead-result-page';
import { buildSharer } from './testing/landing-page.factory';
import { HOSTILE, bodyOf, expectNoInjection, tag } from './testing/html-assertions';
import { escapeHtml } from './escape-html';

describe('renderLeadResultPage: sent (no JavaScript)', () => {
  const page = bodyOf(renderLeadResultPage({ ok: true, backUrl: '/s/Xy7Qk2Lm9PaB', sharer: buildSharer(), optOutUrl: '/opt-out?t=signed-token-0123456789' }));

  it('confirms clearly, naming who will contact them and when, with their contact details', () => {
    expect(page).toContain('<h1>已收到，谢谢您</h1>');
    expect(page).toContain('王小明会在 <b>1 个工作日内</b>');
    expect(page).toContain('href="tel:13800138000"');
    expect(page).toContain('<span class="name">王小明</span>');
  });

  it('has no form to send twice, a way back, and the submitter’s own 不再联系 link everywhere', () => {
    expect(page).not.toContain('<form');
    expect(page).toContain('<a class="btn ghost" href="/s/Xy7Qk2Lm9PaB">返回继续看</a>');
    expect(page.match(/href="\/opt-out\?t=signed-token-0123456789"/g)).toHaveLength(2);
  });

  it('without a known sharer names the brand', () => {
    const plain = bodyOf(renderLeadResultPage({ ok: true, backUrl: '/s/Xy7Qk2Lm9PaB' }));
    expect(plain).toContain('分机的顾问会在 <b>1 个工作日内</b>');
    expect(plain).toContain('href="/opt-out"');
  });

  it('escapes the sharer and drops unsafe URLs', () => {
    const hostile = renderLeadResultPage({ ok: true, backUrl: 'javascript:alert(1)', sharer: buildSharer({ name: HOSTILE, title: HOSTILE }), optOutUrl: 'javascript:alert(2)', contactWithin: HOSTILE });
    expectNoInjection(hostile, 0);
    expect(hostile).not.toContain('javascript:');
    expect(hostile).toContain(`<span class="name">${escapeHtml(HOSTILE)}</span>`);
  });
});

describe('renderLeadResultPage: refused (no JavaScript)', () => {
  it('says what to fix at the top and next to the field, and keeps what was typed (escaped)', () => {
    const page = bodyOf(
      renderLeadResultPage({
        ok: false,
        message: '手机号格式不正确',
        field: 'phone',
        backUrl: '/s/Xy7Qk2Lm9PaB',
        values: { name: `张"三<b>`, phone: '12345', message: '周末<上午>', preferred_time: '晚上' },
        ctaText: '立即报名',
        fields: ['preferred_time', 'message'],
      }),
    );
    expect(page).toContain('<p class="alert" role="alert">手机号格式不正确</p>');
    expect(page).toContain('<span class="err" id="lead-phone-err">手机号格式不正确</span>');
    expect(tag(page, /<input [^>]*name="phone"[^>]*>/)).toContain('aria-invalid="true"');
    expect(tag(page, /<input [^>]*name="name"[^>]*>/)).toContain('value="张&quot;三&lt;b&gt;"');
    expect(tag(page, /<input [^>]*name="name"[^>]*>/)).not.toContain('aria-invalid');
    expect(tag(page, /<input [^>]*name="preferred_time"[^>]*>/)).toContain('value="晚上"');
    expect(page).toContain('>周末&lt;上午&gt;</textarea>');
    expect(tag(page, /<input [^>]*name="consent"[^>]*>/)).not.toContain('checked');
    expect(tag(page, /<form [^>]*>/)).toBe('<form method="post" id="lead-form">');
    expect(page).toContain('<button type="submit" class="btn" id="lead-submit">立即报名</button>');
  });

  it('posts to an explicit action when given one', () => {
    const page = renderLeadResultPage({ ok: false, message: '请阅读并同意隐私政策', backUrl: '/s/Xy7Qk2Lm9PaB', leadFormAction: '/s/Xy7Qk2Lm9PaB/lead' });
    expect(tag(page, /<form [^>]*>/)).toBe('<form method="post" action="/s/Xy7Qk2Lm9PaB/lead" id="lead-form">');
  });

  it('shows the message alone when the share code is unknown', () => {
    const page = renderLeadResultPage({ ok: false, message: `出错了<script>`, backUrl: '/' });
    expect(page).toContain('出错了&lt;script&gt;');
    expect(page).not.toContain('<form');
  });
});
