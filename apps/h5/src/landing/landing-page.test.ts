import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CTA_PRESETS, LABELS, PRIVACY_NOTICE_VERSION } from '@fenji/shared';
import { escapeHtml, renderLandingPage } from './index';
import { TYPICAL_ARTICLE_BODY, buildLandingPageData, buildSharer } from './testing/landing-page.factory';
import { HOSTILE, bodyOf, expectEscaped, expectNoInjection, poison, tag } from './testing/html-assertions';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderLandingPage', () => {
  const page = renderLandingPage(buildLandingPageData());
  const body = bodyOf(page);

  it('is a complete, unindexed, self-contained document with the brand colour and the script deferred', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<title>换季了，家里的水还好吗？一篇讲清楚怎么选净水器</title>');
    expect(page).toContain('<meta name="description" content="从自来水的“最后一公里”讲起');
    expect(page).toContain('<meta property="og:image" content="/media/01JDCOVER00000000000000000/640.jpg">');
    expect(page).toContain('<script src="/static/landing/landing.js" defer></script>');
    expect(page).not.toMatch(/<link[^>]+stylesheet/);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).toContain(':root{--c:#1f6feb;');
  });

  it('shows the brand, never an internal type label or 提交', () => {
    expect(tag(body, /<header class="top">[\s\S]*?<\/header>/)).toContain('清泉净水');
    for (const label of Object.values(LABELS.contentKind)) expect(body).not.toContain(`>${label}<`);
    expect(body).not.toContain('class="kind"');
    expect(body).not.toContain('提交');
  });

  it('loads the cover at once as an AVIF/WebP/JPEG picture with its box reserved; later images lazily', () => {
    const cover = tag(body, /<picture>[\s\S]*?<\/picture>/);
    expect(cover).toContain('<source type="image/avif" srcset="/media/01JDCOVER00000000000000000/320.avif 320w, /media/01JDCOVER00000000000000000/640.avif 640w, /media/01JDCOVER00000000000000000/960.avif 960w, /media/01JDCOVER00000000000000000/1280.avif 1280w" sizes="(min-width: 40rem) 40rem, 100vw">');
    expect(cover).toContain('<source type="image/webp" srcset="/media/01JDCOVER00000000000000000/320.webp 320w');
    const img = tag(cover, /<img [^>]*>/);
    expect(img).toContain('class="cover"');
    expect(img).toContain('src="/media/01JDCOVER00000000000000000/640.jpg"');
    expect(img).toContain('width="1280" height="720"');
    expect(img).toContain('fetchpriority="high"');
    expect(img).not.toContain('loading="lazy"');
    expect(img).toContain('alt="厨房里的净水器"');
    const later = tag(body, /<figure>[\s\S]*?<\/figure>/);
    expect(later).toContain('width="960" height="640"');
    expect(later).toContain('loading="lazy"');
    expect(later).toContain('alt="门店师傅上门检测水质"');
    expect(later).not.toContain('fetchpriority');
  });

  it('renders an external image as a plain <img>, and nothing for a javascript: or data: URL', () => {
    const data = buildLandingPageData();
    const external = bodyOf(renderLandingPage({ ...data, content: { ...data.content, cover: { url: 'https://cdn.example.com/a.jpg', width: 800, height: 450, alt: '' } } }));
    expect(tag(external, /<img [^>]*class="cover"[^>]*>/)).toBe('<img class="cover" src="https://cdn.example.com/a.jpg" alt="" width="800" height="450" fetchpriority="high">');
    const hostile = renderLandingPage({
      ...data,
      content: { ...data.content, cover: { url: 'javascript:alert(1)', width: 1, height: 1, alt: '' }, blocks: [{ type: 'image', url: 'data:image/png;base64,AAAA', width: 1, height: 1, alt: '' }, { type: 'video', url: 'javascript:alert(1)', title: '视频' }] },
    });
    expect(hostile).not.toContain('javascript:');
    expect(hostile).not.toContain('data:image');
    expect(bodyOf(hostile)).not.toContain('class="cover"');
    expect(bodyOf(hostile)).not.toContain('<figure');
    expect(bodyOf(hostile)).not.toContain('class="vid"');
    expect(hostile).not.toContain('og:image');
  });

  it('renders every block: text as paragraphs (never HTML), facts, a tappable video card, a call to action to the form', () => {
    const data = buildLandingPageData();
    const page = bodyOf(
      renderLandingPage({
        ...data,
        content: {
          ...data.content,
          blocks: [
            { type: 'text', text: '第一段\n\n第二段 <b>不加粗</b>\r\n第三段\n   \n' },
            { type: 'facts', items: [{ label: '价格', value: '¥2,980' }, { label: '产地', value: '杭州' }] },
            { type: 'video', url: 'https://v.qq.com/x/1.html', title: '安装演示' },
            { type: 'cta', text: '名额有限' },
          ],
        },
      }),
    );
    const text = tag(page, /<div class="txt">[\s\S]*?<\/div>/);
    expect(text.match(/<p>/g)).toHaveLength(3);
    expect(text).toContain('<p>第二段 &lt;b&gt;不加粗&lt;/b&gt;</p>');
    expect(tag(page, /<dl class="facts">[\s\S]*?<\/dl>/)).toBe('<dl class="facts"><div><dt>价格</dt><dd>¥2,980</dd></div><div><dt>产地</dt><dd>杭州</dd></div></dl>');
    const video = tag(page, /<a class="vid"[\s\S]*?<\/a>/);
    expect(video).toContain('href="https://v.qq.com/x/1.html" target="_blank" rel="noopener noreferrer"');
    expect(video).toContain('<b>安装演示</b>');
    expect(tag(page, /<div class="cta">[\s\S]*?<\/div>/)).toBe('<div class="cta"><p>名额有限</p><a class="btn" href="#lead">预约体验</a></div>');
  });

  it("shows the sharer's card strip: photo, name, title · branch, tap-to-call and the WeChat ID to copy", () => {
    const strip = tag(body, /<section class="box" aria-label="分享人">[\s\S]*?<\/section>/);
    expect(strip).toContain('<span class="name">王小明</span><span class="sub">净水顾问 · 浦东店</span>');
    expect(strip).toContain('alt="王小明的照片"');
    expect(strip).toContain('srcset="/media/01JDAVATAR0000000000000000/320.webp"');
    expect(tag(strip, /<img [^>]*>/)).toContain('fetchpriority="low"'); // the cover gets the bandwidth first
    expect(tag(strip, /<a class="pill"[^>]*>/)).toBe('<a class="pill" href="tel:13800138000">');
    expect(tag(strip, /<button [^>]*data-copy[^>]*>/)).toContain('data-copy="wang_xm88"');
    expect(strip).toContain('微信号 wang_xm88');
  });

  it('shows only the contact details the sharer chose, and an initial when there is no photo', () => {
    const data = buildLandingPageData({ sharer: buildSharer({ phone: null, wechatId: null, avatarUrl: null, title: '', branchName: null }) });
    const strip = tag(bodyOf(renderLandingPage(data)), /<section class="box" aria-label="分享人">[\s\S]*?<\/section>/);
    expect(strip).not.toContain('tel:');
    expect(strip).not.toContain('data-copy');
    expect(strip).not.toContain('class="sub">');
    expect(strip).toContain('<span class="av i" aria-hidden="true">王</span>');
  });

  it('leaves out the blocks section when there are no blocks', () => {
    const data = buildLandingPageData();
    const page = bodyOf(renderLandingPage({ ...data, content: { ...data.content, blocks: [] } }));
    expect(page).not.toMatch(/<div class="box">\s*<\/div>/);
    expect(page).toContain('<h1>换季了');
  });

  it('without a sharer, says the brand will contact them, and shows no strip', () => {
    const page = bodyOf(renderLandingPage(buildLandingPageData({ sharer: null })));
    expect(page).not.toContain('aria-label="分享人"');
    expect(page).toContain('清泉净水的顾问会在 1 个工作日内与您联系');
    expect(page).toContain('<span>有问题随时问我们</span>');
  });

  it('has a lead form in the content’s words that works without JavaScript, with an unticked consent box', () => {
    expect(tag(body, /<form [^>]*>/)).toBe('<form method="post" action="/s/Xy7Qk2Lm9PaB/lead" id="lead-form">');
    expect(tag(body, /<h2 id="lead-title">[^<]*<\/h2>/)).toBe('<h2 id="lead-title">预约体验</h2>');
    expect(tag(body, /<button type="submit"[^>]*>[^<]*<\/button>/)).toBe('<button type="submit" class="btn" id="lead-submit">预约体验</button>');
    expect(body).toContain('留下姓名和手机号，王小明会在 1 个工作日内与您联系。');
    const name = tag(body, /<input [^>]*name="name"[^>]*>/);
    expect(name).toContain('required');
    expect(name).toContain('maxlength="40"');
    const phone = tag(body, /<input [^>]*name="phone"[^>]*>/);
    expect(phone).toContain('type="tel"');
    expect(phone).toContain('autocomplete="tel"');
    expect(body).toMatch(/<textarea [^>]*name="message"/);
    expect(tag(body, /<input [^>]*name="preferred_time"[^>]*>/)).toContain('maxlength="30"');
    expect(body).not.toContain('name="company"');
    expect(body).toContain('<label for="lead-preferred_time">方便联系的时间（选填）</label>');
    const consent = tag(body, /<input [^>]*name="consent"[^>]*>/);
    expect(consent).toContain('type="checkbox"');
    expect(consent).not.toContain('checked');
    expect(body).toContain(`<a href="/privacy?v=${PRIVACY_NOTICE_VERSION}">《隐私政策》</a>`);
    expect(body).toContain(`<input type="hidden" name="consentVersion" value="${PRIVACY_NOTICE_VERSION}">`);
    expect(body).toContain('<input type="hidden" name="shareCode" value="Xy7Qk2Lm9PaB">');
  });

  it('uses any of the CTA presets for the button, the heading, the call-to-action blocks and the bar', () => {
    for (const ctaText of CTA_PRESETS) {
      const data = buildLandingPageData();
      const page = bodyOf(renderLandingPage({ ...data, form: { ...data.form, ctaText } }));
      expect(page.match(new RegExp(`>${ctaText}</`, 'g'))?.length).toBe(4);
    }
  });

  it('carries the panels the script shows instead of the form: pending, done (who and when), returning', () => {
    expect(tag(body, /<div id="lead-pending"[^>]*>/)).toContain(' hidden');
    const done = tag(body, /<div id="lead-done"[\s\S]*?不再联系<\/a><\/p>/);
    expect(done).toContain(' hidden');
    expect(done).toContain('王小明会在 <b>1 个工作日内</b><span id="lead-done-phone" hidden></span>与您联系');
    expect(done).toContain('href="tel:13800138000"');
    expect(done).not.toContain('<form');
    expect(tag(body, /<div id="lead-returning"[^>]*>/)).toContain(' hidden');
    expect(body).toContain('您已留过联系方式');
  });

  it('links the privacy notice and 不再联系 from the footer, and has a bar that jumps to the form', () => {
    const footer = tag(body, /<footer>[\s\S]*?<\/footer>/);
    expect(footer).toContain(`href="/privacy?v=${PRIVACY_NOTICE_VERSION}"`);
    expect(footer).toContain('<a href="/opt-out" data-optout>不再联系</a>');
    expect(tag(body, /<div class="bar"[\s\S]*?<\/div>/)).toBe('<div class="bar" id="cta-bar"><span>王小明 为您服务</span><a class="btn" href="#lead">预约体验</a></div>');
  });

  it('gives the script what it needs in data attributes', () => {
    const main = tag(body, /<main [^>]*>/);
    for (const attr of ['data-share-code="Xy7Qk2Lm9PaB"', 'data-page-key="01JDCONTENT000000000000000"', 'data-leads-url="/api/public/leads"', 'data-events-url="/api/public/events"', 'data-reshare-url="/api/public/shares/Xy7Qk2Lm9PaB/reshare"', 'data-jssdk-url="/api/public/wechat/jssdk"', 'data-cover="/media/01JDCOVER00000000000000000/640.jpg"']) {
      expect(main).toContain(attr);
    }
  });

  it('induces no sharing: no rewards, nothing locked behind a share', () => {
    for (const word of ['奖励', '红包', '解锁', '转发后', '分享后', '领取']) expect(page).not.toContain(word);
  });

  it('escapes every string of the model, wherever it appears', () => {
    // URLs of images and links stay valid here (they are checked below); phones become digits for tel:.
    const { model, strings } = poison(buildLandingPageData(), ['colorPrimary', 'type', 'fields', 'url', 'avatarUrl', 'logoUrl']);
    const hostile = renderLandingPage(model);
    expectNoInjection(hostile, 1);
    expectEscaped(hostile, strings, ['sharer.phone', 'sharer.intro']); // the intro is the card page's
    expect(hostile).toContain(`<script src="urls.script${escapeHtml(HOSTILE)}" defer></script>`);
    expect(hostile).not.toContain('tel:'); // no digits in it: no call link
  });

  it('escapes URLs that pass the URL check but carry quotes and markup', () => {
    const data = buildLandingPageData();
    const url = `https://cdn.example.com/a.jpg?x="><script>alert(1)</script>&y='1'`;
    const page = renderLandingPage({
      ...data,
      sharer: buildSharer({ avatarUrl: url }),
      brand: { ...data.brand, logoUrl: url },
      content: { ...data.content, cover: { url, width: 1, height: 1, alt: '' }, blocks: [{ type: 'image', url, width: 1, height: 1, alt: '' }, { type: 'video', url, title: 't' }] },
    });
    expectNoInjection(page, 1);
    expect(page.split('src="https://cdn.example.com/a.jpg?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;y=&#39;1&#39;"').length - 1).toBe(5); // cover, image, logo, photo in the strip and in the confirmation
    expect(page).toContain('href="https://cdn.example.com/a.jpg?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;y=&#39;1&#39;"');
  });

  it('darkens a brand colour too light for white text, and ignores one that is not a colour', () => {
    const data = buildLandingPageData();
    const light = renderLandingPage({ ...data, brand: { ...data.brand, colorPrimary: '#ffd54f' } });
    expect(light).not.toContain('--c:#ffd54f');
    const injected = renderLandingPage({ ...data, brand: { ...data.brand, colorPrimary: 'red;}</style><script>x</script>' } });
    expect(injected).toContain(':root{--c:#1f6feb;');
    expect(injected.match(/<script/g)).toHaveLength(1);
  });

  it('stays within 14 KB gzipped for a typical article with cover and blocks, CSS included', () => {
    const data = buildLandingPageData();
    const full = renderLandingPage({ ...data, content: { ...data.content, blocks: [...data.content.blocks, { type: 'text', text: TYPICAL_ARTICLE_BODY }] } });
    expect(full).toContain('门店的同事会尽快与你联系');
    expect(gzipSync(Buffer.from(full, 'utf8')).length).toBeLessThanOrEqual(14 * 1024);
  });
});
