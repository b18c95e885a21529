import { API, PRIVACY_REQUEST_KIND_LABELS, PRIVACY_REQUEST_KINDS, type BrandSettings, type PrivacyRequestKind } from '@fenji/shared';
import { html, type SafeHtml } from './escape-html';
import { renderDocument } from './document';
import { ICONS } from './icons';
import { DEFAULT_BRAND } from './landing-model';
import { renderBrandHeader, renderFooter } from './page-chrome';

/**
 * 个人信息请求 (`GET /privacy/request`), linked from every landing page, without login and without JavaScript:
 * - `phone`: the person types the phone number they left; posting it sends a 6-digit code by SMS;
 * - `code`: phone (kept) + code + what they ask for (查阅复制、删除、更正、撤回同意) + an optional note;
 * - `done`: received, with the day HQ answers by (15 working days).
 * `error` (a wrong code, too many codes) is shown above the step's form.
 */
export type PrivacyRequestStep =
  | { step: 'phone'; phone?: string }
  | { step: 'code'; phone: string; maskedPhone: string; kind?: PrivacyRequestKind; message?: string }
  | { step: 'done'; maskedPhone: string; kind: PrivacyRequestKind; /** YYYY-MM-DD */ dueDate: string };

export interface PrivacyRequestPageData {
  state: PrivacyRequestStep;
  error?: string;
  brand?: BrandSettings;
  urls?: { submit: string; sendCode: string };
}

/** 2026-12-21 → 2026年12月21日 */
const inWords = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function renderStep(state: PrivacyRequestStep, urls: { submit: string; sendCode: string }): SafeHtml {
  switch (state.step) {
    case 'phone':
      return html`<p>您可以要求查阅、复制、更正或删除我们保存的、与您手机号有关的信息，或撤回您的同意。请输入您留过的手机号，我们会发一条短信验证码，确认是您本人。</p>
<form method="post" action="${urls.sendCode}"><div class="f"><label for="rights-phone">手机号</label><input id="rights-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required maxlength="20" value="${state.phone ?? ''}"></div><button type="submit" class="btn">获取短信验证码</button></form>`;
    case 'code':
      return html`<p>验证码已发送到 <b>${state.maskedPhone}</b>，10 分钟内有效。</p>
<form method="post" action="${urls.submit}"><input type="hidden" name="phone" value="${state.phone}">
<div class="f"><label for="rights-code">短信验证码</label><input id="rights-code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required></div>
<fieldset class="f"><legend>您要办理</legend>${PRIVACY_REQUEST_KINDS.map(
        (kind) => html`<label class="opt"><input type="radio" name="kind" value="${kind}" required${(state.kind ?? 'access') === kind ? html` checked` : ''}> ${PRIVACY_REQUEST_KIND_LABELS[kind]}</label>`,
      )}</fieldset>
<div class="f"><label for="rights-message">补充说明（选填）</label><textarea id="rights-message" name="message" maxlength="500" rows="3">${state.message ?? ''}</textarea></div>
<button type="submit" class="btn">提交请求</button></form>
<form method="post" action="${urls.sendCode}"><input type="hidden" name="phone" value="${state.phone}"><button type="submit" class="btn ghost">没收到？重新发送</button></form>`;
    case 'done':
      return html`<div class="panel" role="status"><div class="mark" aria-hidden="true">${ICONS.check}</div><h1>已收到您的请求</h1>
<p>您的请求（${PRIVACY_REQUEST_KIND_LABELS[state.kind]}）已登记，公司总部会在 <b>${inWords(state.dueDate)}</b> 前处理并通过 <b>${state.maskedPhone}</b> 答复您。</p>
<p class="hint">如果只是不想再被联系，可以直接在“不再联系”页面登记，立即生效。</p></div>`;
  }
}

export function renderPrivacyRequestPage(data: PrivacyRequestPageData): string {
  const brand = data.brand ?? DEFAULT_BRAND;
  const urls = data.urls ?? { submit: API.privacyRequestPage, sendCode: `${API.privacyRequestPage}/code` };
  const title = '个人信息请求';
  return renderDocument({
    title,
    description: '查阅、复制、更正、删除您的个人信息，或撤回同意。',
    brand,
    body: html`<main>
${renderBrandHeader(brand)}
<div class="box">
${data.state.step === 'done' ? '' : html`<h1>${title}</h1>\n`}${data.error ? html`<p class="bad" role="alert">${data.error}</p>\n` : ''}${renderStep(data.state, urls)}
</div>
${renderFooter(brand, { privacy: API.privacy, optOut: API.optOutPage })}
</main>`,
  });
}
