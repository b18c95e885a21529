import { EXTRA_FORM_FIELD_LABELS, type ExtraFormField } from '@fenji/shared';
import { html, type SafeHtml } from './escape-html';
import { LANDING_IDS, fieldErrorId, fieldId, type LeadField } from './dom-ids';
import type { ContactPromise, LeadFormModel } from './landing-model';
import { ICONS } from './icons';
import { renderContactActions, renderSharerLine } from './sharer-card';

export type LeadFormValues = Partial<Record<Exclude<LeadField, 'consent'>, string>>;

export interface LeadFormOptions {
  form: LeadFormModel;
  /** Where the no-JS form posts (application/x-www-form-urlencoded). Omitted: the current URL. */
  action?: string;
  privacyUrl: string;
  /** Values to keep after a failed no-JS submission. */
  values?: LeadFormValues;
  /** Shown in the status region (the no-JS answer to a failed submission). */
  error?: string;
  /** Messages next to fields (the no-JS answer names the field the server refused). */
  fieldErrors?: Partial<Record<LeadField, string>>;
}

export interface LeadSectionOptions extends LeadFormOptions {
  promise: ContactPromise;
  optOutUrl: string;
}

/** 王小明, or 品牌的顾问 when the sharer is unknown. */
export const contactPerson = (promise: ContactPromise): string => promise.sharer?.name ?? `${promise.brandName}的顾问`;

/** 王小明会在 1 个工作日内与您联系 */
export const contactSentence = (promise: ContactPromise): string => `${contactPerson(promise)}会在 ${promise.contactWithin}与您联系`;

type FieldErrors = Partial<Record<LeadField, string>>;

const errorSlot = (field: LeadField, errors: FieldErrors = {}): SafeHtml => html`<span class="err" id="${fieldErrorId(field)}">${errors[field] ?? ''}</span>`;
/** ` aria-invalid="true"` on a field the server refused. */
const invalid = (field: LeadField, errors: FieldErrors = {}): SafeHtml | '' => (errors[field] ? html` aria-invalid="true"` : '');

const EXTRA_INPUTS: Record<Exclude<ExtraFormField, 'message'>, { max: number; autocomplete: string; placeholder: string }> = {
  company: { max: 60, autocomplete: 'organization', placeholder: '' },
  city: { max: 30, autocomplete: 'address-level2', placeholder: '如：杭州' },
  preferred_time: { max: 30, autocomplete: 'off', placeholder: '如：工作日晚上' },
};

function renderExtraField(field: ExtraFormField, values: LeadFormValues, errors: FieldErrors): SafeHtml {
  const label = html`<label for="${fieldId(field)}">${EXTRA_FORM_FIELD_LABELS[field]}（选填）</label>`;
  if (field === 'message') {
    return html`<div class="f">${label}<textarea id="${fieldId(field)}" name="message" rows="3" maxlength="500" aria-describedby="${fieldErrorId(field)}"${invalid(field, errors)}>${values.message ?? ''}</textarea>${errorSlot(field, errors)}</div>\n`;
  }
  const spec = EXTRA_INPUTS[field];
  return html`<div class="f">${label}<input id="${fieldId(field)}" name="${field}" maxlength="${spec.max}" autocomplete="${spec.autocomplete}"${spec.placeholder ? html` placeholder="${spec.placeholder}"` : ''} value="${values[field] ?? ''}" aria-describedby="${fieldErrorId(field)}"${invalid(field, errors)}>${errorSlot(field, errors)}</div>\n`;
}

/**
 * The lead form: works as a plain HTML form post; the client script takes it over when it runs.
 * The button says what the content offers (预约体验…), never 提交. The consent box is never pre-ticked.
 */
export function renderLeadForm(options: LeadFormOptions): SafeHtml {
  const { form } = options;
  const values = options.values ?? {};
  const action = options.action === undefined ? '' : html` action="${options.action}"`;
  const errors = options.fieldErrors ?? {};
  const extras = [...new Set(form.fields)].map((field) => renderExtraField(field, values, errors));
  return html`<form method="post"${action} id="${LANDING_IDS.form}">
<input type="hidden" name="shareCode" value="${form.shareCode}">
<input type="hidden" name="consentVersion" value="${form.privacyVersion}">
<div class="f"><label for="${fieldId('name')}">姓名</label><input id="${fieldId('name')}" name="name" required maxlength="40" autocomplete="name" value="${values.name ?? ''}" aria-describedby="${fieldErrorId('name')}"${invalid('name', errors)}>${errorSlot('name', errors)}</div>
<div class="f"><label for="${fieldId('phone')}">手机号</label><input id="${fieldId('phone')}" name="phone" type="tel" inputmode="tel" autocomplete="tel" required maxlength="20" value="${values.phone ?? ''}" aria-describedby="${fieldErrorId('phone')}"${invalid('phone', errors)}>${errorSlot('phone', errors)}</div>
${extras}<div class="f"><label class="consent"><input type="checkbox" id="${fieldId('consent')}" name="consent" value="true" required aria-describedby="${fieldErrorId('consent')}"${invalid('consent', errors)}><span>我已阅读并同意<a href="${options.privacyUrl}">《隐私政策》</a>，信息仅用于联系我</span></label>${errorSlot('consent', errors)}</div>
<button type="submit" class="btn" id="${LANDING_IDS.submit}">${form.ctaText}</button>
<p id="${LANDING_IDS.status}" role="status" aria-live="polite"${options.error ? html` class="bad"` : ''}>${options.error ?? ''}</p>
</form>`;
}

export interface DonePanelOptions {
  promise: ContactPromise;
  optOutUrl: string;
  /** Rendered hidden for the script to show (the content page), or shown (the no-JS answer page). */
  hidden: boolean;
  /** The heading's level: h2 in a page section, h1 on its own page. */
  level?: 1 | 2;
}

/** The confirmation: who will contact them, and when; their own contact details; the way to opt out. No form. */
export function renderDonePanel(options: DonePanelOptions): SafeHtml {
  const { promise } = options;
  const heading = options.level === 1 ? html`<h1>已收到，谢谢您</h1>` : html`<h2>已收到，谢谢您</h2>`;
  const sharer = promise.sharer;
  return html`<div id="${LANDING_IDS.done}" class="panel" role="status"${options.hidden ? html` hidden` : ''}>
<div class="mark" aria-hidden="true">${ICONS.check}</div>${heading}
<p>${contactPerson(promise)}会在 <b>${promise.contactWithin}</b><span id="${LANDING_IDS.donePhone}" hidden></span>与您联系，请留意来电。</p>
${sharer ? html`${renderSharerLine(sharer)}${renderContactActions(sharer)}\n` : ''}<p class="fine">不想再被联系？<a id="${LANDING_IDS.doneOptOut}" href="${options.optOutUrl}">不再联系</a></p>
</div>`;
}

/**
 * The form with its heading, as it appears under the content; with the panels the script swaps in:
 * pending (saved on the phone, waiting for the network), done (the confirmation), returning (already left details).
 */
export function renderLeadSection(options: LeadSectionOptions): SafeHtml {
  const { promise, form } = options;
  return html`<section class="box" id="${LANDING_IDS.lead}" aria-labelledby="lead-title">
<div id="${LANDING_IDS.fill}">
<h2 id="lead-title">${form.ctaText}</h2>
<p class="hint">留下姓名和手机号，${contactSentence(promise)}。</p>
${renderLeadForm(options)}
<p class="fine">您的信息受《隐私政策》保护，不会公开，也不会给到第三方。</p>
</div>
<div id="${LANDING_IDS.pending}" class="panel" role="status" hidden>
<div class="mark wait" aria-hidden="true">…</div><h2>已保存，等网络恢复后自动发送</h2>
<p class="hint">信息已保存在本机，网络恢复后会自动发送，不用重新填写，也不会重复发送。</p>
</div>
${renderDonePanel({ promise, optOutUrl: options.optOutUrl, hidden: true })}
<div id="${LANDING_IDS.returning}" class="panel" hidden>
<div class="mark" aria-hidden="true">${ICONS.check}</div><h2>您已留过联系方式</h2>
<p class="hint">${contactSentence(promise)}，无需重复填写。</p>
<button type="button" class="btn ghost" id="${LANDING_IDS.again}">信息有变？重新填写</button>
<p class="fine">不想再被联系？<a href="${options.optOutUrl}" data-optout>不再联系</a></p>
</div>
</section>`;
}
