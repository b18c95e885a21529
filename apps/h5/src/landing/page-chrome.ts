import { API, type BrandSettings, type PublicCard } from '@fenji/shared';
import { html, type SafeHtml } from './escape-html';
import { LANDING_IDS } from './dom-ids';
import { renderThumb } from './media-image';

/** The brand bar at the top: HQ's logo and name, so the customer knows whose page this is. */
export function renderBrandHeader(brand: BrandSettings): SafeHtml {
  const logo = renderThumb(brand.logoUrl, '', { width: 28, height: 28 }, 'logo') || html`<span class="logo i" aria-hidden="true">${Array.from(brand.name.trim())[0] ?? ''}</span>`;
  return html`<header class="top">${logo}<span>${brand.name}</span></header>`;
}

export interface FooterLinks {
  privacy: string;
  optOut: string;
  /** The rights-request page (查阅、删除、更正、撤回同意); `API.privacyRequestPage` when not given. */
  rights?: string;
}

/** Every page ends with the brand, the privacy notice, 不再联系 and the page for the person's other rights. */
export function renderFooter(brand: BrandSettings, links: FooterLinks): SafeHtml {
  return html`<footer><p>${brand.name}</p><a href="${links.privacy}">隐私政策</a>·<a href="${links.optOut}" data-optout>不再联系</a>·<a href="${links.rights ?? API.privacyRequestPage}">个人信息请求</a></footer>`;
}

/** The bar fixed at the bottom: who is there to help, and the call to action (a jump to the form). */
export function renderCtaBar(ctaText: string, sharer: PublicCard | null): SafeHtml {
  return html`<div class="bar" id="${LANDING_IDS.bar}">${sharer ? html`<span>${sharer.name} 为您服务</span>` : html`<span>有问题随时问我们</span>`}<a class="btn" href="#${LANDING_IDS.lead}">${ctaText}</a></div>`;
}

/** Re-share (分享给朋友) or, inside the mini-program, 返回小程序: both shown by the script only. */
export function renderShareActions(): SafeHtml {
  return html`<div class="box" id="share-box" hidden>
<button type="button" id="${LANDING_IDS.reshare}" class="btn ghost" hidden>分享给朋友</button>
<button type="button" id="${LANDING_IDS.back}" class="btn ghost" hidden>返回小程序</button>
<p id="${LANDING_IDS.shareHint}" class="fine" hidden>点右上角 ··· 选择「发送给朋友」或「分享到朋友圈」</p>
<p id="${LANDING_IDS.reshareStatus}" role="status" aria-live="polite"></p>
</div>`;
}
