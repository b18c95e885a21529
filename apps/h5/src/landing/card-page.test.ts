import { describe, expect, it } from 'vitest';
import { renderCardPage } from './card-page';
import { buildCardPageData, buildSharer } from './testing/landing-page.factory';
import { bodyOf, expectEscaped, expectNoInjection, poison, tag } from './testing/html-assertions';

describe('renderCardPage', () => {
  const body = bodyOf(renderCardPage(buildCardPageData()));

  it("shows the staff member's card: photo, name as the heading, title · branch, brand and intro", () => {
    expect(body).toContain('<h1 id="card-name" class="name">王小明</h1><span class="sub">净水顾问 · 浦东店</span><span class="sub">清泉净水</span>');
    expect(body).toContain('<p>在门店做了六年净水方案，上门检测、安装、售后都可以找我。</p>');
    expect(body).toContain('alt="王小明的照片"');
  });

  it('offers call, copy WeChat ID and save-contact (vCard)', () => {
    const actions = tag(body, /<div class="acts">[\s\S]*?<\/div>/);
    expect(actions).toContain('href="tel:13800138000"');
    expect(actions).toContain('data-copy="wang_xm88"');
    expect(actions).toContain('<a class="pill" href="/s/Xy7Qk2Lm9PaB/contact.vcf">');
    expect(actions).toContain('存到通讯录');
  });

  it('lists the featured contents as links to their shares, dropping unsafe links', () => {
    const data = buildCardPageData();
    const page = bodyOf(renderCardPage({ ...data, featured: [...data.featured, { title: '坏链接', summary: '', cover: null, href: 'javascript:alert(1)' }] }));
    const list = tag(page, /<ul class="list">[\s\S]*?<\/ul>/);
    expect(list.match(/<li>/g)).toHaveLength(2);
    expect(list).toContain('<a href="/s/Ab12Cd34Ef56">');
    expect(list).not.toContain('javascript:');
    expect(page).toContain('<h2 id="featured-title">王小明推荐</h2>');
  });

  it('has no featured section without featured contents, and the form and 不再联系 always', () => {
    const page = bodyOf(renderCardPage(buildCardPageData({ featured: [] })));
    expect(page).not.toContain('featured-title');
    expect(page).toContain('<form method="post" action="/s/Xy7Qk2Lm9PaB/lead" id="lead-form">');
    expect(page).toContain('<button type="submit" class="btn" id="lead-submit">免费咨询</button>');
    expect(page).toContain('data-optout>不再联系</a>');
    expect(tag(page, /<main [^>]*>/)).toContain('data-page-key="card:01JDSTAFF00000000000000000"');
  });

  it('hides the phone and WeChat ID the staff member did not choose to show', () => {
    const page = bodyOf(renderCardPage(buildCardPageData({ card: buildSharer({ phone: null, wechatId: null }) })));
    expect(page).not.toContain('tel:');
    expect(page).not.toContain('data-copy');
    expect(page).toContain('存到通讯录');
  });

  it('escapes every string of the model', () => {
    const { model, strings } = poison(buildCardPageData(), ['colorPrimary', 'fields', 'url', 'avatarUrl', 'logoUrl', 'href', 'vcardUrl']);
    const page = renderCardPage(model);
    expectNoInjection(page, 1);
    expectEscaped(page, strings, ['card.phone', 'featured.0.cover.alt', 'featured.1.cover.alt']); // thumbnails are decorative
  });
});
