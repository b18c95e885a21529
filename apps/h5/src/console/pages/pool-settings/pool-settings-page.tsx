import { useEffect, useState, type FormEvent } from 'react';
import { API, poolSettingsSchema, type PoolSettings, type RecycleRunResult } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../api/use-load';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { validate, type FieldErrors } from '../../forms/validate';

type SettingKey = keyof PoolSettings;

export const POOL_SETTING_FIELDS: readonly { key: SettingKey; label: string; hint: string }[] = [
  { key: 'protectionDays', label: '保护期（天）', hint: '期间其他员工的分享触达只记为撞单，线索不换归属；每次跟进重新计算。' },
  { key: 'recycleDays', label: '未跟进回收（天）', hint: '私海线索连续这么多天没有跟进，回收到公海。' },
  { key: 'recycleWarnDays', label: '回收前提醒（天）', hint: '回收前几天提醒归属员工；0 表示不提醒。须小于回收天数。' },
  { key: 'claimDailyCap', label: '每日领取上限', hint: '每名员工每天最多从公海领取的条数。' },
  { key: 'claimHoldCap', label: '持有上限', hint: '私海（未成交、未流失）达到这个数量时不能再领取。' },
  { key: 'reclaimBlockDays', label: '回收后禁止领回（天）', hint: '线索被回收或放回公海后，原归属员工这些天内不能领回。' },
];

type FormValues = Record<SettingKey, string>;

const toForm = (s: PoolSettings): FormValues =>
  Object.fromEntries(POOL_SETTING_FIELDS.map(({ key }) => [key, String(s[key])])) as FormValues;

/** '' stays missing (→ 请填写); anything else is a number for the schema to judge. */
const toValues = (form: FormValues) =>
  Object.fromEntries(POOL_SETTING_FIELDS.map(({ key }) => [key, form[key].trim() === '' ? undefined : Number(form[key])]));

/** 公海规则 (HQ only): the six pool settings → 保存规则, and 立即执行回收. */
export function PoolSettingsPage() {
  const api = useApi();
  const settings = useLoad('pool-settings', () => api.get<PoolSettings>(API.poolSettings));
  const [form, setForm] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [recycle, setRecycle] = useState<{ busy: boolean; result: string | null; error: string | null }>({
    busy: false,
    result: null,
    error: null,
  });

  useEffect(() => {
    if (settings.data) setForm(toForm(settings.data));
  }, [settings.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setFailure(null);
    setSaved(false);
    const checked = validate(poolSettingsSchema, toValues(form));
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const stored = await api.put<PoolSettings>(API.poolSettings, checked.data);
      settings.setData(() => stored);
      setSaved(true);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function runRecycle() {
    setRecycle({ busy: true, result: null, error: null });
    try {
      const res = await api.post<RecycleRunResult>(API.recycleJob);
      setRecycle({ busy: false, result: `已回收 ${res.recycled} 条，提醒 ${res.warned} 条`, error: null });
    } catch (e) {
      setRecycle({ busy: false, result: null, error: errorMessage(e) });
    }
  }

  return (
    <div className="pool-settings">
      <form className="panel settings-form" onSubmit={submit} noValidate aria-label="公海规则">
        <h2>公海规则</h2>
        <ErrorNotice message={settings.error} />
        {settings.loading && !form ? <p>加载中…</p> : null}
        {form ? (
          <>
            <div className="settings-grid">
              {POOL_SETTING_FIELDS.map(({ key, label, hint }) => (
                <Field key={key} label={label} error={errors[key]} hint={hint}>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    value={form[key]}
                    onChange={(e) => {
                      setSaved(false);
                      setForm({ ...form, [key]: e.target.value });
                    }}
                  />
                </Field>
              ))}
            </div>
            <ErrorNotice message={failure} />
            {saved ? (
              <p className="notice notice-ok" role="status">
                已保存
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="primary" disabled={busy}>
                保存规则
              </button>
            </div>
          </>
        ) : null}
      </form>

      <section className="panel">
        <h2>回收</h2>
        <p className="hint">按当前规则立即运行一次回收：超时未跟进的私海线索回到公海，即将被回收的线索提醒归属员工。</p>
        <button type="button" onClick={() => void runRecycle()} disabled={recycle.busy}>
          立即执行回收
        </button>
        <ErrorNotice message={recycle.error} />
        {recycle.result ? (
          <p className="notice notice-ok" role="status">
            {recycle.result}
          </p>
        ) : null}
      </section>
    </div>
  );
}
