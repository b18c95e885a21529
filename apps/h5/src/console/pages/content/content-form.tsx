import { useState, type FormEvent } from 'react';
import {
  API,
  CONTENT_KINDS,
  LABELS,
  createContentRequestSchema,
  updateContentRequestSchema,
  type Content,
  type ContentKind,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { validate, type FieldErrors } from '../../forms/validate';

interface ContentFormProps {
  /** Editing this content; creating when absent. */
  content?: Content;
  onSaved: (content: Content) => void;
  onCancel: () => void;
}

/** Create or edit a content: 类型 / 标题 / 摘要 / 正文 / 封面图片链接 / 立即发布 → 保存. */
export function ContentForm({ content, onSaved, onCancel }: ContentFormProps) {
  const api = useApi();
  const [kind, setKind] = useState<ContentKind>(content?.kind ?? 'article');
  const [title, setTitle] = useState(content?.title ?? '');
  const [summary, setSummary] = useState(content?.summary ?? '');
  const [body, setBody] = useState(content?.body ?? '');
  const [coverUrl, setCoverUrl] = useState(content?.coverUrl ?? '');
  const [published, setPublished] = useState(content?.published ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const cover = coverUrl.trim();
    const values = { kind, title, summary, body, published, coverUrl: cover || (content ? null : undefined) };
    const checked = content ? validate(updateContentRequestSchema, values) : validate(createContentRequestSchema, values);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const saved = content
        ? await api.patch<Content>(API.contentItem(content.id), checked.data)
        : await api.post<Content>(API.contents, checked.data);
      onSaved(saved);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel content-form" onSubmit={submit} noValidate>
      <h2>{content ? '编辑内容' : '新建内容'}</h2>
      <div className="form-row">
        <Field label="类型" error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as ContentKind)}>
            {CONTENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {LABELS.contentKind[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="标题" error={errors.title}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
        </Field>
      </div>
      <Field label="摘要" error={errors.summary}>
        <input value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={300} />
      </Field>
      <Field label="正文" error={errors.body} hint="纯文本，每行一段。">
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={12} />
      </Field>
      <Field label="封面图片链接" error={errors.coverUrl} hint="以 https:// 或 / 开头，留空则不显示封面。">
        <input inputMode="url" value={coverUrl} onChange={(e) => setCoverUrl(e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
        立即发布
      </label>
      <ErrorNotice message={failure} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          保存
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
