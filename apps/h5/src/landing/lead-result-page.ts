import { API, PRIVACY_NOTICE_VERSION, type BrandSettings, type ExtraFormField, type PublicCard } from '@fenji/shared';
import { html, safeUrl } from './escape-html';
import { renderDocument } from './document';
import { DEFAULT_BRAND, DEFAULT_CONTACT_WITHIN, leadFormModel, privacyUrl } from './landing-model';
import type { LeadField } from './dom-ids';
import { renderDonePanel, renderLeadForm, type LeadFormValues } from './lead-form';
import { renderBrandHeader, renderFooter } from './page-chrome';

interface ResultBase {
  /** The content page the customer came from. */
  backUrl: string;
  brand?: BrandSettings;
  /** The sharer the confirmation names (who will contact them). */
  sharer?: PublicCard | null;
  privacyUrl?: string;
}

/**
 * The answers to the lead form posted without JavaScript (`POST /s/:code/lead`).
 * Success (`GET /s/:code/thanks` after a 303): the confirmation naming who will contact them and when, their
 * own signed 不再联系 link, and no form. Failure: the message, and the form again with what they typed.
 */
export type LeadResult =
  | (ResultBase & {
      ok: true;
      contactWithin?: string;
      /** The submitter's signed 不再联系 link; the public page when the API has none. */
      optOutUrl?: string;
    })
  | (ResultBase & {
      ok: false;
      message: string;
      values?: LeadFormValues;
      /** Share code for the form shown again; read from a `/s/{code}` backUrl when omitted. */
      shareCode?: string;
      /** Where the form posts again; omitted: the URL this page answers (the form's own action). */
      leadFormAction?: string;
      ctaText?: string;
      fields?: readonly ExtraFormField[];
      /** The field the server refused (PHONE_INVALID → phone…): its message is shown next to it too. */
      field?: LeadField;
    });

function shareCodeFrom(backUrl: string): string | null {
  const match = /\/s\/([0-9A-Za-z]{8,32})(?:[/?#]|$)/.exec(backUrl);
  return match ? (match[1] as string) : null;
}

export function renderLeadResultPage(result: LeadResult): string {
  const brand = result.brand ?? DEFAULT_BRAND;
  const privacy = result.privacyUrl ?? privacyUrl(PRIVACY_NOTICE_VERSION);
  const back = safeUrl(result.backUrl) ?? '/';
  const optOut = (result.ok && result.optOutUrl && safeUrl(result.optOutUrl)) || API.optOutPage;
  const footer = renderFooter(brand, { privacy, optOut });

  if (result.ok) {
    const promise = { sharer: result.sharer ?? null, brandName: brand.name, contactWithin: result.contactWithin ?? DEFAULT_CONTACT_WITHIN };
    return renderDocument({
      title: '已收到，谢谢您',
      description: '我们已收到您的联系方式。',
      brand,
      body: html`<main>
${renderBrandHeader(brand)}
<div class="box">
${renderDonePanel({ promise, optOutUrl: optOut, hidden: false, level: 1 })}
<a class="btn ghost" href="${back}">返回继续看</a>
</div>
${footer}
</main>`,
    });
  }

  const shareCode = result.shareCode ?? shareCodeFrom(back);
  const form = shareCode
    ? renderLeadForm({
        form: leadFormModel(shareCode, { ...(result.ctaText ? { ctaText: result.ctaText } : {}), ...(result.fields ? { fields: result.fields } : {}) }),
        action: result.leadFormAction,
        privacyUrl: privacy,
        values: result.values,
        ...(result.field ? { fieldErrors: { [result.field]: result.message } } : {}),
      })
    : '';

  return renderDocument({
    title: '还差一步',
    description: result.message,
    brand,
    body: html`<main>
${renderBrandHeader(brand)}
<div class="box">
<h1>还差一步</h1>
<p class="alert" role="alert">${result.message}</p>
<p class="hint">请按提示修改后再发送，已填的内容都还在。</p>
${form}
<p class="fine"><a href="${back}">返回内容页</a></p>
</div>
${footer}
</main>`,
  });
}
