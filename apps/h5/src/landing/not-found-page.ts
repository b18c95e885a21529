import { html } from './escape-html';
import { renderDocument } from './document';

/** Answer to a share code that does not exist or whose content was withdrawn (served with 404). */
export function renderNotFoundPage(): string {
  return renderDocument({
    title: '内容不存在',
    description: '该分享不存在或已被撤回。',
    body: html`<main>
<h1>内容不存在</h1>
<p>您打开的分享不存在，或内容已被撤回。</p>
<p class="hint">如有需要，请联系把链接分享给您的人。</p>
</main>`,
  });
}
