import { html } from './escape-html';
import { renderDocument } from './document';

/**
 * The privacy notice a customer consents to before leaving contact details (个人信息保护法).
 * Versioned: a lead records the version it was given with; change the text, change the version.
 */
export function renderPrivacyPage(version: string): string {
  return renderDocument({
    title: '隐私政策',
    description: '我们如何收集、使用和保护您在分享页面留下的个人信息。',
    body: html`<main class="notice">
<h1>隐私政策</h1>
<p class="hint">版本：${version}</p>
<p>您在员工分享给您的页面上留下联系方式前，请阅读本政策。只有在您勾选“我已阅读并同意《隐私政策》”后，我们才会收集下列信息；不勾选不影响您阅读页面内容。</p>

<h2>一、我们收集哪些信息</h2>
<ul>
<li>您主动填写的<strong>姓名</strong>、<strong>手机号</strong>，以及您选填的<strong>留言</strong>；</li>
<li><strong>访问记录</strong>：您打开了哪个分享、停留时长、是否再次分享、是否打开表单及发生时间。这些记录通过本站自己设置的 Cookie（访客标识 fj_vid）关联到同一位访客；在微信内打开时，也可能关联微信提供的访客标识（openid）。我们不使用第三方广告或跟踪 Cookie。</li>
</ul>
<p>我们不收集身份证号、位置、通讯录等表单不需要的信息。</p>

<h2>二、为什么收集</h2>
<p>仅用于就您咨询或关心的产品、活动与您联系，并记录是哪位员工的分享把内容带给了您。我们不会把您的信息用于与此无关的目的；如需用于其他目的，会另行征得您的同意。</p>

<h2>三、谁能看到</h2>
<p>向您分享该页面的员工、其所在门店的负责人，以及公司总部经授权的工作人员。手机号在列表中默认部分隐藏，查看完整号码和导出数据都会被记录审计。我们不会出售您的个人信息，也不会向公司以外的第三方提供，法律法规另有规定的除外。</p>

<h2>四、保存多久</h2>
<p>我们只在实现上述目的所必需的期限内保存您的信息：联系信息在最后一次联系后最长保存 24 个月，访问记录最长保存 12 个月，到期后删除或匿名化处理。您要求删除的，我们会及时删除。</p>

<h2>五、您的权利</h2>
<ul>
<li>查阅、复制您的个人信息；</li>
<li>更正、补充不准确或不完整的信息；</li>
<li>删除您的个人信息，撤回您的同意（撤回不影响撤回前已进行的处理）；</li>
<li>要求<strong>不再联系</strong>：我们会为您做“不再联系”标记，公司的所有员工都不会再就此与您联系。</li>
</ul>

<h2>六、如何行使权利</h2>
<p>请直接告诉向您分享页面的员工，或在任一分享页面的留言中写明您的请求和手机号。我们核实是您本人后，将在 15 个工作日内处理并答复您。</p>

<h2>七、政策更新</h2>
<p>本政策更新时版本号会随之改变；涉及收集范围或用途的变化，我们会在您下次留下信息前请您重新同意。</p>
</main>`,
  });
}
