import { html } from './escape-html';
import { renderDocument } from './document';
import { renderLeadForm, type LeadFormValues } from './lead-form';

export type LeadResult =
  | { ok: true; backUrl: string }
  | {
      ok: false;
      message: string;
      backUrl: string;
      values?: LeadFormValues;
      /** Share code for the form shown again; read from a `/s/{code}` backUrl when omitted. */
      shareCode?: string;
      /** Where the form posts again; omitted: the URL this page answers (the form's own action). */
      leadFormAction?: string;
      privacyUrl?: string;
    };

const DEFAULT_PRIVACY_URL = '/privacy';

function shareCodeFrom(backUrl: string): string | null {
  const match = /\/s\/([0-9A-Za-z]{8,32})(?:[/?#]|$)/.exec(backUrl);
  return match?.[1] ?? null;
}

/** The page answering a lead form posted without JavaScript. */
export function renderLeadResultPage(result: LeadResult): string {
  if (result.ok) {
    return renderDocument({
      title: '提交成功',
      description: '提交成功，我们会尽快与您联系。',
      body: html`<main>
<h1>提交成功</h1>
<p class="ok" role="status">提交成功，我们会尽快与您联系。</p>
<p><a class="btn" href="${result.backUrl}">返回</a></p>
</main>`,
    });
  }

  const shareCode = result.shareCode ?? shareCodeFrom(result.backUrl);
  const form = shareCode
    ? renderLeadForm({
        shareCode,
        action: result.leadFormAction,
        privacyUrl: result.privacyUrl ?? DEFAULT_PRIVACY_URL,
        values: result.values,
        error: result.message,
      })
    : html`<p class="bad" role="status">${result.message}</p>`;

  return renderDocument({
    title: '提交未成功',
    description: result.message,
    body: html`<main>
<h1>提交未成功</h1>
<p>请按提示修改后重新提交。</p>
${form}
<p><a href="${result.backUrl}">返回内容页</a></p>
</main>`,
  });
}
