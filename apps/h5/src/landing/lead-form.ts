import { html, type SafeHtml } from './escape-html';
import { LANDING_IDS, fieldErrorId, fieldId, type LeadField } from './dom-ids';

export interface LeadFormValues {
  name?: string;
  phone?: string;
  message?: string;
}

export interface LeadFormOptions {
  shareCode: string;
  /** Where the no-JS form posts (application/x-www-form-urlencoded). Omitted: the current URL. */
  action?: string;
  privacyUrl: string;
  /** Values to keep after a failed no-JS submission. */
  values?: LeadFormValues;
  /** Shown in the status region (the no-JS answer to a failed submission). */
  error?: string;
}

const errorSlot = (field: LeadField): SafeHtml => html`<span class="err" id="${fieldErrorId(field)}"></span>`;

/**
 * The lead form: works as a plain HTML form post; the client script takes it over when it runs.
 * The consent box is never pre-ticked.
 */
export function renderLeadForm(options: LeadFormOptions): SafeHtml {
  const values = options.values ?? {};
  const action = options.action === undefined ? '' : html` action="${options.action}"`;
  return html`<form method="post"${action} id="${LANDING_IDS.form}">
<input type="hidden" name="shareCode" value="${options.shareCode}">
<div class="f"><label for="${fieldId('name')}">姓名</label><input id="${fieldId('name')}" name="name" required maxlength="40" autocomplete="name" value="${values.name ?? ''}" aria-describedby="${fieldErrorId('name')}">${errorSlot('name')}</div>
<div class="f"><label for="${fieldId('phone')}">手机号</label><input id="${fieldId('phone')}" name="phone" type="tel" inputmode="tel" autocomplete="tel" required maxlength="20" value="${values.phone ?? ''}" aria-describedby="${fieldErrorId('phone')}">${errorSlot('phone')}</div>
<div class="f"><label for="${fieldId('message')}">留言（选填）</label><textarea id="${fieldId('message')}" name="message" rows="3" maxlength="500" aria-describedby="${fieldErrorId('message')}">${values.message ?? ''}</textarea>${errorSlot('message')}</div>
<div class="f"><label class="consent"><input type="checkbox" id="${fieldId('consent')}" name="consent" value="true" required aria-describedby="${fieldErrorId('consent')}"><span>我已阅读并同意<a href="${options.privacyUrl}" target="_blank" rel="noopener">《隐私政策》</a></span></label>${errorSlot('consent')}</div>
<button type="submit" id="${LANDING_IDS.submit}">提交</button>
<p id="${LANDING_IDS.status}" role="status" aria-live="polite"${options.error ? html` class="bad"` : ''}>${options.error ?? ''}</p>
</form>`;
}

/** The form with its heading, as it appears under the content. */
export function renderLeadSection(options: LeadFormOptions): SafeHtml {
  return html`<section aria-labelledby="lead-title">
<h2 id="lead-title">留下联系方式</h2>
<p class="hint">留下姓名和手机号，我们会就您关心的内容与您联系。</p>
${renderLeadForm(options)}
</section>`;
}
