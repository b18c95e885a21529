import { API, type BrandSettings } from '@fenji/shared';
import { html } from './escape-html';
import { renderDocument } from './document';
import { DEFAULT_BRAND } from './landing-model';
import { renderBrandHeader } from './page-chrome';

/** The periods the retention job applies (issue "privacy rights"); HQ may shorten them in its settings. */
export interface RetentionPeriods {
  /** Visit records (views, time on page, read depth, re-shares). */
  visitMonths: number;
  /** Contact details of a lead with no follow-up in that time. */
  leadMonths: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = { visitMonths: 12, leadMonths: 24 };

export interface PrivacyNoticeData {
  /** The version the consent stores (`PRIVACY_NOTICE_VERSION`); change the text, change the version. */
  version: string;
  brand?: BrandSettings;
  retention?: RetentionPeriods;
  optOutUrl?: string;
}

/**
 * The privacy notice a customer consents to before leaving contact details (个人信息保护法), `GET /privacy?v=`.
 * It promises only what the product does: every promise in it needs a test on the API side.
 */
export function renderPrivacyPage(input: string | PrivacyNoticeData): string {
  const data: PrivacyNoticeData = typeof input === 'string' ? { version: input } : input;
  const brand = data.brand ?? DEFAULT_BRAND;
  const retention = data.retention ?? DEFAULT_RETENTION;
  const optOut = data.optOutUrl ?? API.optOutPage;
  return renderDocument({
    title: '隐私政策',
    description: '我们如何收集、使用和保护您在分享页面留下的个人信息。',
    brand,
    body: html`<main>
${renderBrandHeader(brand)}
<div class="notice">
<h1>隐私政策</h1>
<p class="hint">版本：${data.version}</p>
<p>本政策说明${brand.name}如何处理您在员工分享的页面上留下的个人信息。只有在您勾选“我已阅读并同意《隐私政策》”后，我们才会收到您填写的联系方式；不勾选不影响您阅读页面内容。您同意时，我们会记录您同意的政策版本和时间。</p>

<h2>一、我们收集哪些信息</h2>
<ul>
<li>您填写的<strong>姓名</strong>、<strong>手机号</strong>，以及表单上您选填的留言、公司、所在城市或方便联系的时间；</li>
<li><strong>访问记录</strong>：您打开了哪个分享、停留多久、读到页面的哪里、是否再次分享、是否打开表单，以及时间。这些记录通过本站自己设置的 Cookie（访客标识 fj_vid）关联到同一位访客；在微信内打开时，还会关联微信提供给本站的访客标识（openid），不获取您的微信昵称和头像。</li>
</ul>
<p>网络不好时，您填写的信息会先保存在您手机的浏览器里，发送成功后即从中删除；浏览器还会记住您在哪些页面留过信息（不含姓名和手机号），以免您重复填写，并用一个不含个人信息的 Cookie（fj_ls）标明这一点。</p>
<p>我们不使用第三方广告或跟踪工具，也不收集表单以外的信息，例如身份证号、位置或通讯录。</p>

<h2>二、为什么收集</h2>
<p>仅用于就您关心的产品、活动与您联系，并记录是哪位员工的分享把内容带给了您。我们不会把您的信息用于其他目的；确需用于其他目的时，会另行征得您的同意。</p>

<h2>三、谁能看到</h2>
<ul>
<li>负责联系您的员工（您的专属顾问）能看到您的完整手机号，以便联系您；</li>
<li>其他人，包括门店负责人和公司总部，看到的手机号是部分隐藏的（如 138****5678）。确有需要查看完整号码时，必须填写原因，并被记录：谁、何时、为什么；</li>
<li>导出线索时，手机号同样部分隐藏（您的专属顾问除外），每一次导出都被记录。</li>
</ul>
<p>我们不会出售您的个人信息，也不会提供给公司以外的任何人，法律法规另有规定的除外。</p>

<h2>四、保存多久</h2>
<p>访问记录保存 ${retention.visitMonths} 个月；联系方式在最后一次跟进后保存 ${retention.leadMonths} 个月。到期后，系统会自动删除或匿名化处理。</p>

<h2>五、您的权利</h2>
<ul>
<li><strong>不再联系</strong>：在任一分享页面底部点“不再联系”，用短信验证码确认手机号（刚留过信息的，可直接用确认页上的链接），立即生效，公司的所有员工都不会再就此联系您；</li>
<li><strong>查阅、复制</strong>：您可以要求获得我们保存的、与您手机号有关的全部信息；</li>
<li><strong>更正、删除</strong>：您可以要求更正，或删除您的姓名、手机号和留言，并删除您的访问记录；删除后，这个手机号在系统中查不到；</li>
<li><strong>撤回同意</strong>：撤回不影响撤回前已进行的处理。</li>
</ul>

<h2>六、如何行使权利</h2>
<p>“不再联系”请直接在<a href="${optOut}">不再联系</a>页面办理。其他请求，请告诉分享给您的员工或${brand.name}的任何一位员工；公司总部核实是您本人后，在 15 个工作日内处理并答复您，每一次处理都有记录。</p>

<h2>七、政策更新</h2>
<p>本政策更新时版本号随之改变；您下次留下信息时，我们会请您阅读并同意新的版本。</p>
</div>
</main>`,
  });
}
