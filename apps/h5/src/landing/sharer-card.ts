import type { PublicCard } from '@fenji/shared';
import { html, type SafeHtml } from './escape-html';
import { ICONS } from './icons';
import { renderThumb } from './media-image';

/** `tel:` needs digits (and a leading +) only; anything else in a stored number is dropped. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace('+', '').length >= 5 ? `tel:${digits}` : null;
}

/** 高级顾问 · 浦东店: the title and branch, whichever are set. */
export function cardSubtitle(card: Pick<PublicCard, 'title' | 'branchName'>): string {
  return [card.title.trim(), card.branchName?.trim() ?? ''].filter(Boolean).join(' · ');
}

/** The photo, or the first character of the name on the brand's tint when there is none. */
export function renderAvatar(card: Pick<PublicCard, 'name' | 'avatarUrl'>, size = 52): SafeHtml {
  const photo = renderThumb(card.avatarUrl, `${card.name}的照片`, { width: size, height: size }, 'av');
  if (photo) return photo;
  const initial = Array.from(card.name.trim())[0] ?? '';
  return html`<span class="av i" aria-hidden="true">${initial}</span>`;
}

/** Tap-to-call and the WeChat ID (the script turns it into a copy button), for the details the sharer chose to show. */
export function renderContactActions(card: Pick<PublicCard, 'name' | 'phone' | 'wechatId'>, extra: SafeHtml | '' = ''): SafeHtml | '' {
  const tel = card.phone ? telHref(card.phone) : null;
  const call = tel ? html`<a class="pill" href="${tel}">${ICONS.phone}打电话</a>` : '';
  const wechat = card.wechatId
    ? html`<button type="button" class="pill" data-copy="${card.wechatId}" aria-label="微信号 ${card.wechatId}，点按复制">${ICONS.chat}微信号 ${card.wechatId}</button>`
    : '';
  if (!call && !wechat && !extra) return '';
  return html`<div class="acts">${call}${wechat}${extra}</div>`;
}

/** The sharer's strip on a content page: who shared it and how to reach them. */
export function renderSharerStrip(card: PublicCard, heading: string, extra: SafeHtml | '' = ''): SafeHtml {
  const subtitle = cardSubtitle(card);
  return html`<section class="box" aria-label="${heading}">
<div class="who">${renderAvatar(card)}<div><span class="name">${card.name}</span>${subtitle ? html`<span class="sub">${subtitle}</span>` : ''}</div></div>
${renderContactActions(card, extra)}
<p id="copy-status" class="sub" role="status" aria-live="polite"></p>
</section>`;
}

/** The small "who will contact you" line inside confirmations. */
export function renderSharerLine(card: PublicCard): SafeHtml {
  const subtitle = cardSubtitle(card);
  return html`<div class="who">${renderAvatar(card, 44)}<div><span class="name">${card.name}</span>${subtitle ? html`<span class="sub">${subtitle}</span>` : ''}</div></div>`;
}
