import { useState, type FormEvent } from 'react';
import { API, createBranchRequestSchema, type Branch } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import type { Loaded } from '../../api/use-load';
import { Field } from '../../components/field';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/notice';
import { validate, type FieldErrors } from '../../forms/validate';

/** 门店: the list and a one-field form to add one. */
export function BranchPanel({ branches }: { branches: Loaded<Branch[]> }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = validate(createBranchRequestSchema, { name });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const branch = await api.post<Branch>(API.branches, checked.data);
      branches.setData((list) => [...(list ?? []), branch]);
      setName('');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel">
      <h2>门店</h2>
      <form className="inline-form" onSubmit={submit} noValidate>
        <Field label="门店名称" error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          添加门店
        </button>
      </form>
      <ErrorNotice message={failure ?? branches.error} />
      <table className="grid">
        <thead>
          <tr>
            <th>名称</th>
            <th>创建时间</th>
          </tr>
        </thead>
        <tbody>
          {(branches.data ?? []).map((branch) => (
            <tr key={branch.id}>
              <td>{branch.name}</td>
              <td className="num">{formatDateTime(branch.createdAt)}</td>
            </tr>
          ))}
          {branches.data?.length === 0 ? (
            <tr>
              <td colSpan={2} className="empty">
                还没有门店
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
