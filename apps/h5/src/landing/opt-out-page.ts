import { API, type BrandSettings } from '@fenji/shared';
import { html, type SafeHtml } from './escape-html';
import { renderDocument } from './document';
import { ICONS } from './icons';
import { DEFAULT_BRAND } from './landing-model';
import { renderBrandHeader, renderFooter } from './page-chrome';

/**
 * 不再联系 (`GET /opt-out`), without login and without JavaScript. Its steps:
 * - `confirm`: opened from the signed link the submitter got (`/opt-out?t=<token>`; the API checked the token and
 *   masks the phone it names); one button posts the token back;
 * - `phone`: anyone else types the phone number; posting it sends a 6-digit code by SMS;
 * - `code`: the code was sent; phone (kept) + code confirm;
 * - `done`: marked, for every staff member, at once.
 * `error` (a wrong code, an expired link, too many tries) is shown above the step's form.
 */
export type OptOutStep =
  | { step: 'confirm'; token: string; maskedPhone: string }
  | { step: 'phone'; phone?: string }
  | { step: 'code'; phone: string; maskedPhone: string; /** How long the code works (the API's setting). */ validMinutes?: number }
  | { step: 'done'; maskedPhone: string };

export interface OptOutPageData {
  state: OptOutStep;
  error?: string;
  brand?: BrandSettings;
  privacyUrl?: string;
  /** Form targets (urlencoded): confirm (token, or phone + code) and send-code. */
  urls?: { confirm: string; sendCode: string };
}

const phoneField = (value: string): SafeHtml =>
  html`<div class="f"><label for="optout-phone">手机号</label><input id="optout-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required maxlength="20" value="${value}"></div>`;

function renderStep(state: OptOutStep, urls: { confirm: string; sendCode: string }): SafeHtml {
  switch (state.step) {
    case 'confirm':
      return html`<p>确认后，我们不会再通过 <b>${state.maskedPhone}</b> 联系您，公司的所有员工都一样。</p>
<form method="post" action="${urls.confirm}"><input type="hidden" name="token" value="${state.token}"><button type="submit" class="btn">确认不再联系</button></form>`;
    case 'phone':
      return html`<p>登记后，公司的所有员工都不会再通过这个手机号联系您。请输入您留过的手机号，我们会发一条短信验证码，确认是您本人。</p>
<form method="post" action="${urls.sendCode}">${phoneField(state.phone ?? '')}<button type="submit" class="btn">获取短信验证码</button></form>`;
    case 'code':
      return html`<p>验证码已发送到 <b>${state.maskedPhone}</b>，${state.validMinutes ?? 10} 分钟内有效。</p>
<form method="post" action="${urls.confirm}"><input type="hidden" name="phone" value="${state.phone}">
<div class="f"><label for="optout-code">短信验证码</label><input id="optout-code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required></div>
<button type="submit" class="btn">确认不再联系</button></form>
<form method="post" action="${urls.sendCode}"><input type="hidden" name="phone" value="${state.phone}"><button type="submit" class="btn ghost">没收到？重新发送</button></form>`;
    case 'done':
      return html`<div class="panel" role="status"><div class="mark" aria-hidden="true">${ICONS.check}</div><h1>已为您登记不再联系</h1>
<p>我们不会再通过 <b>${state.maskedPhone}</b> 联系您，对公司的所有员工都有效。</p>
<p class="hint">登记后，您仍可以照常浏览分享给您的内容。</p></div>`;
  }
}

export function renderOptOutPage(data: OptOutPageData): string {
  const brand = data.brand ?? DEFAULT_BRAND;
  const urls = data.urls ?? { confirm: API.optOutPage, sendCode: API.optOutCodeForm };
  const privacy = data.privacyUrl ?? API.privacy;
  const title = data.state.step === 'done' ? '已为您登记不再联系' : '不再联系';
  return renderDocument({
    title,
    description: '不想再被联系？在这里登记，对公司的所有员工都有效。',
    brand,
    body: html`<main>
${renderBrandHeader(brand)}
<div class="box">
${data.state.step === 'done' ? '' : html`<h1>${title}</h1>\n`}${data.error ? html`<p class="bad" role="alert">${data.error}</p>\n` : ''}${renderStep(data.state, urls)}
</div>
${renderFooter(brand, { privacy, optOut: API.optOutPage })}
</main>`,
  });
}
