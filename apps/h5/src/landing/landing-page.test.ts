import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '@fenji/shared';
import { escapeHtml, renderLandingPage, renderLeadResultPage, renderNotFoundPage, renderPrivacyPage } from './index';
import { TYPICAL_ARTICLE_BODY, buildLandingPageData } from './testing/landing-page.factory';

const HOSTILE = `<script>alert("x")</script> & 'quotes' "double"`;

/** Attribute values and text between tags, as a browser would parse them (one element). */
function tag(html: string, pattern: RegExp): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`no match for ${pattern}`);
  return match[0];
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderLandingPage', () => {
  it('renders the content, the staff member and the script', () => {
    const page = renderLandingPage(buildLandingPageData());
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<meta name="viewport"');
    expect(page).toContain('<title>换季了，家里的水还好吗？一篇讲清楚怎么选净水器</title>');
    expect(page).toContain('<meta name="description" content="从自来水的“最后一公里”讲起');
    expect(page).toContain('<meta property="og:title" content="换季了，家里的水还好吗？');
    expect(page).toContain('<meta property="og:image" content="https://cdn.example.com/contents/water-2026/cover.jpg">');
    expect(page).toContain('<p class="kind">文章</p>');
    expect(page).toContain('由 王小明 分享');
    expect(page).toContain('<script src="/assets/landing/landing.js" defer></script>');
    expect(page).not.toMatch(/<link[^>]+stylesheet/);
    expect(page.match(/<style>/g)).toHaveLength(1);
  });

  it('reserves the cover image box and does not lazy-load the first visual', () => {
    const img = tag(renderLandingPage(buildLandingPageData()), /<img [^>]*>/);
    expect(img).toContain('width="1200" height="675"');
    expect(img).toContain('decoding="async"');
    expect(img).not.toContain('loading="lazy"');
  });

  it('renders the body as paragraphs of text, one per line, never as HTML', () => {
    const data = buildLandingPageData();
    const page = renderLandingPage({
      ...data,
      content: { ...data.content, body: '第一段\n\n第二段 <b>不加粗</b>\r\n第三段\n   \n' },
    });
    const body = tag(page, /<div class="body">[\s\S]*?<\/div>/);
    expect(body.match(/<p>/g)).toHaveLength(3);
    expect(body).toContain('<p>第二段 &lt;b&gt;不加粗&lt;/b&gt;</p>');
    expect(body).not.toContain('<b>');
  });

  it('escapes every interpolated field: title, summary, body, staff name, cover URL, share code and URLs', () => {
    const page = renderLandingPage(
      buildLandingPageData({
        shareCode: `abc"><script>x</script>`,
        content: {
          kind: 'product',
          title: `标题${HOSTILE}`,
          summary: `摘要${HOSTILE}`,
          body: `正文${HOSTILE}`,
          coverUrl: `https://cdn.example.com/a.jpg?x="><script>alert(1)</script>&y='1'`,
        },
        staffName: `员工${HOSTILE}`,
        scriptUrl: `/landing.js?v="><script>x</script>`,
        privacyUrl: `/privacy?a=1&b="<script>"`,
        leadFormAction: `/s/x/lead?"><script>`,
        eventsUrl: `/e"<script>`,
        leadsUrl: `/l"<script>`,
        reshareUrl: `/r"<script>`,
      }),
    );
    // The only <script> element is the page's own, with its URL escaped.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('<script src="/landing.js?v=&quot;&gt;&lt;script&gt;x&lt;/script&gt;" defer></script>');
    const escaped = escapeHtml(HOSTILE);
    expect(escaped).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &quot;double&quot;');
    expect(page).toContain(`<h1>标题${escaped}</h1>`);
    expect(page).toContain(`<title>标题${escaped}</title>`);
    expect(page).toContain(`<p class="summary">摘要${escaped}</p>`);
    expect(page).toContain(`<p>正文${escaped}</p>`);
    expect(page).toContain(`由 员工${escaped} 分享`);
    expect(page).toContain('src="https://cdn.example.com/a.jpg?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;y=&#39;1&#39;"');
    expect(page).toContain('<input type="hidden" name="shareCode" value="abc&quot;&gt;&lt;script&gt;x&lt;/script&gt;">');
    expect(page).toContain('href="/privacy?a=1&amp;b=&quot;&lt;script&gt;&quot;"');
    expect(page).toContain('action="/s/x/lead?&quot;&gt;&lt;script&gt;"');
    expect(page).toContain('data-leads-url="/l&quot;&lt;script&gt;"');
    // No raw quote from data can end an attribute early.
    expect(page).not.toMatch(/"[^"=]*"double"/);
  });

  it('drops a cover URL that is not http(s) or a path', () => {
    const data = buildLandingPageData();
    const page = renderLandingPage({ ...data, content: { ...data.content, coverUrl: 'javascript:alert(1)' } });
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('og:image');
  });

  it('has a lead form that works without JavaScript, with an unticked consent box', () => {
    const page = renderLandingPage(buildLandingPageData());
    expect(tag(page, /<form [^>]*>/)).toBe('<form method="post" action="/s/Xy7Qk2Lm9PaB/lead" id="lead-form">');
    const name = tag(page, /<input [^>]*name="name"[^>]*>/);
    expect(name).toContain('required');
    expect(name).toContain('maxlength="40"');
    const phone = tag(page, /<input [^>]*name="phone"[^>]*>/);
    expect(phone).toContain('type="tel"');
    expect(phone).toContain('inputmode="tel"');
    expect(phone).toContain('autocomplete="tel"');
    expect(page).toMatch(/<textarea [^>]*name="message"/);
    const consent = tag(page, /<input [^>]*name="consent"[^>]*>/);
    expect(consent).toContain('type="checkbox"');
    expect(consent).toContain('value="true"');
    expect(consent).not.toContain('checked');
    expect(page).toContain('我已阅读并同意<a href="/privacy" target="_blank" rel="noopener">《隐私政策》</a>');
    expect(page).toContain('<input type="hidden" name="shareCode" value="Xy7Qk2Lm9PaB">');
    expect(page).toContain('<button type="submit" id="lead-submit">提交</button>');
    expect(tag(page, /<p id="lead-status"[^>]*>/)).toContain('role="status" aria-live="polite"');
    expect(tag(page, /<button [^>]*id="reshare"[^>]*>/)).toContain('hidden');
  });

  it('induces no sharing: no rewards, nothing locked behind a share', () => {
    const page = renderLandingPage(buildLandingPageData());
    for (const word of ['奖励', '红包', '解锁', '转发后', '分享后', '领取']) expect(page).not.toContain(word);
  });

  it('stays within 14 KB gzipped for a typical article, CSS included', () => {
    const page = renderLandingPage(buildLandingPageData());
    expect(TYPICAL_ARTICLE_BODY.length).toBeGreaterThan(1400);
    expect(page).toContain('选到合适的净水设备');
    expect(page).toContain('门店的同事会尽快与你联系');
    const gzipped = gzipSync(Buffer.from(page, 'utf8')).length;
    expect(gzipped).toBeLessThanOrEqual(14 * 1024);
  });
});

describe('renderNotFoundPage', () => {
  it('says in Chinese that the share does not exist or was withdrawn', () => {
    const page = renderNotFoundPage();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<h1>内容不存在</h1>');
    expect(page).toContain('已被撤回');
    expect(page).not.toContain('<form');
  });
});

describe('renderPrivacyPage', () => {
  it('is a versioned notice covering what, why, who, how long, rights and how to ask', () => {
    const page = renderPrivacyPage(PRIVACY_NOTICE_VERSION);
    expect(page).toContain(`版本：${PRIVACY_NOTICE_VERSION}`);
    for (const text of ['姓名', '手机号', '留言', 'Cookie', '为什么收集', '谁能看到', '保存多久', '查阅', '复制', '更正', '删除', '不再联系', '如何行使权利']) {
      expect(page).toContain(text);
    }
  });

  it('escapes the version', () => {
    expect(renderPrivacyPage('<v2>')).toContain('版本：&lt;v2&gt;');
  });
});

describe('renderLeadResultPage', () => {
  it('confirms a successful submission with a way back', () => {
    const page = renderLeadResultPage({ ok: true, backUrl: '/s/Xy7Qk2Lm9PaB' });
    expect(page).toContain('<h1>提交成功</h1>');
    expect(page).toContain('我们会尽快与您联系');
    expect(page).toContain('href="/s/Xy7Qk2Lm9PaB"');
  });

  it('shows the message and the form again with the values kept (escaped), posting back to the same URL', () => {
    const page = renderLeadResultPage({
      ok: false,
      message: '手机号格式不正确',
      backUrl: '/s/Xy7Qk2Lm9PaB',
      values: { name: `张"三<b>`, phone: '12345', message: '周末<上午>' },
    });
    expect(page).toContain('手机号格式不正确');
    expect(tag(page, /<form [^>]*>/)).toBe('<form method="post" id="lead-form">');
    expect(page).toContain('<input type="hidden" name="shareCode" value="Xy7Qk2Lm9PaB">');
    expect(tag(page, /<input [^>]*name="name"[^>]*>/)).toContain('value="张&quot;三&lt;b&gt;"');
    expect(tag(page, /<input [^>]*name="phone"[^>]*>/)).toContain('value="12345"');
    expect(page).toContain('>周末&lt;上午&gt;</textarea>');
    expect(tag(page, /<input [^>]*name="consent"[^>]*>/)).not.toContain('checked');
  });

  it('posts to an explicit action when given one', () => {
    const page = renderLeadResultPage({
      ok: false,
      message: '请阅读并同意隐私政策',
      backUrl: '/s/Xy7Qk2Lm9PaB',
      leadFormAction: '/s/Xy7Qk2Lm9PaB/lead',
    });
    expect(tag(page, /<form [^>]*>/)).toBe('<form method="post" action="/s/Xy7Qk2Lm9PaB/lead" id="lead-form">');
  });

  it('shows the message alone when the share code is unknown', () => {
    const page = renderLeadResultPage({ ok: false, message: `出错了<script>`, backUrl: '/' });
    expect(page).toContain('出错了&lt;script&gt;');
    expect(page).not.toContain('<form');
  });
});
