import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND, landingUrls, leadFormModel } from './landing-model';
import { renderNotFoundPage, renderUnavailablePage } from './unavailable-page';
import { buildSharer, SHARE_CODE } from './testing/landing-page.factory';
import { bodyOf, expectEscaped, expectNoInjection, poison, tag } from './testing/html-assertions';

const offline = () => ({
  reason: 'offline' as const,
  brand: { ...DEFAULT_BRAND, name: '清泉净水' },
  sharer: buildSharer(),
  cardUrl: '/s/Card1234567',
  form: leadFormModel(SHARE_CODE),
  urls: landingUrls(SHARE_CODE, '/static/landing/landing.js'),
});

describe('renderUnavailablePage', () => {
  it('for a taken-down content: says so kindly, shows the sharer, a link to their card and the form', () => {
    const body = bodyOf(renderUnavailablePage(offline()));
    expect(body).toContain('<h1>该内容已下架</h1>');
    expect(body).toContain('aria-label="分享人"');
    expect(body).toContain('href="tel:13800138000"');
    expect(body).toContain('<a class="pill" href="/s/Card1234567">');
    expect(body).toContain('看名片');
    expect(body).toContain('<form method="post" action="/s/Xy7Qk2Lm9PaB/lead" id="lead-form">');
    expect(body).toContain('data-optout>不再联系</a>');
  });

  it('without a form or a card link: the sharer and nothing else to fill', () => {
    const body = bodyOf(renderUnavailablePage({ ...offline(), form: null, cardUrl: null }));
    expect(body).toContain('王小明');
    expect(body).not.toContain('<form');
    expect(body).not.toContain('看名片');
  });

  it('escapes every string of the model', () => {
    const { model, strings } = poison(offline(), ['reason', 'colorPrimary', 'fields', 'avatarUrl', 'logoUrl', 'cardUrl']);
    const page = renderUnavailablePage(model);
    expectNoInjection(page, 1);
    expectEscaped(page, strings, ['sharer.phone', 'sharer.intro', 'urls.reshare', 'urls.jssdk']);
  });
});

describe('renderNotFoundPage', () => {
  it('for an unknown link: a branded page, no form, no script, the way to opt out', () => {
    const page = renderNotFoundPage();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<h1>链接已失效</h1>');
    expect(page).toContain('请分享给您的人再发一次');
    expect(page).not.toContain('<form');
    expect(page).not.toContain('<script');
    expect(tag(page, /<header class="top">[\s\S]*?<\/header>/)).toContain('分机');
    expect(page).toContain('href="/opt-out"');
  });
});
