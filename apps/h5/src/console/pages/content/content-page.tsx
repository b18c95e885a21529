import { useState } from 'react';
import { API, LABELS, toQueryString, type Content } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../api/use-load';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/notice';
import { ContentForm } from './content-form';

type Editing = { mode: 'create' } | { mode: 'edit'; content: Content } | null;

/** 内容: every content including drafts; create, edit, publish and unpublish. */
export function ContentPage() {
  const api = useApi();
  const contents = useLoad('contents', () => api.get<Content[]>(API.contents + toQueryString({ all: '1' })));
  const [editing, setEditing] = useState<Editing>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function upsert(content: Content) {
    contents.setData((list) => {
      const rest = (list ?? []).filter((c) => c.id !== content.id);
      return [content, ...rest];
    });
  }

  async function togglePublished(content: Content) {
    setFailure(null);
    setSaved(null);
    try {
      upsert(await api.patch<Content>(API.contentItem(content.id), { published: !content.published }));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  return (
    <div className="contents">
      <div className="toolbar">
        <h2>内容</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setSaved(null);
            setEditing({ mode: 'create' });
          }}
        >
          新建内容
        </button>
      </div>

      {editing ? (
        <ContentForm
          key={editing.mode === 'edit' ? editing.content.id : 'new'}
          content={editing.mode === 'edit' ? editing.content : undefined}
          onCancel={() => setEditing(null)}
          onSaved={(content) => {
            upsert(content);
            setEditing(null);
            setSaved(`已保存：${content.title}`);
          }}
        />
      ) : null}

      {saved ? (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      ) : null}
      <ErrorNotice message={failure ?? contents.error} />

      <table className="grid">
        <thead>
          <tr>
            <th>类型</th>
            <th>标题</th>
            <th>状态</th>
            <th>发布时间</th>
            <th>更新时间</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {(contents.data ?? []).map((c) => (
            <tr key={c.id}>
              <td>{LABELS.contentKind[c.kind]}</td>
              <td className="wide">{c.title}</td>
              <td>
                <span className={c.published ? 'tag tag-ok' : 'tag'}>{c.published ? '已发布' : '草稿'}</span>
              </td>
              <td className="num">{formatDateTime(c.publishedAt)}</td>
              <td className="num">{formatDateTime(c.updatedAt)}</td>
              <td>
                <div className="actions">
                  <button type="button" onClick={() => setEditing({ mode: 'edit', content: c })}>
                    编辑
                  </button>
                  <button type="button" onClick={() => togglePublished(c)}>
                    {c.published ? '下架' : '发布'}
                  </button>
                </div>
              </td>
            </tr>
          ))}
          {contents.data?.length === 0 ? (
            <tr>
              <td colSpan={6} className="empty">
                还没有内容，点“新建内容”开始。
              </td>
            </tr>
          ) : null}
          {contents.loading && !contents.data ? (
            <tr>
              <td colSpan={6} className="empty">
                加载中…
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
