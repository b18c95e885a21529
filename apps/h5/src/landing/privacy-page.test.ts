import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '@fenji/shared';
import { renderPrivacyPage } from './privacy-page';
import { bodyOf } from './testing/html-assertions';

describe('renderPrivacyPage', () => {
  const page = bodyOf(renderPrivacyPage({ version: PRIVACY_NOTICE_VERSION, brand: { name: '清泉净水', logoUrl: null, colorPrimary: '#0b6e4f' }, retention: { visitMonths: 6, leadMonths: 18 } }));

  it('is versioned and covers what, why, who, how long, rights and how to ask', () => {
    expect(page).toContain(`版本：${PRIVACY_NOTICE_VERSION}`);
    for (const text of ['一、我们收集哪些信息', '二、为什么收集', '三、谁能看到', '四、保存多久', '五、您的权利', '六、如何行使权利', '七、政策更新']) expect(page).toContain(text);
  });

  it('promises exactly what the product does', () => {
    // Masked lists, reasons recorded for reveals, audited exports, 不再联系 for every staff member,
    // copy and erasure on request within 15 working days, the retention periods, the consent's version.
    expect(page).toContain('部分隐藏的（如 138****5678）');
    expect(page).toContain('必须填写原因，并被记录：谁、何时、为什么');
    expect(page).toContain('每一次导出都被记录');
    expect(page).toContain('立即生效，公司的所有员工都不会再就此联系您');
    expect(page).toContain('15 个工作日内处理并答复您');
    expect(page).toContain('访问记录保存 6 个月');
    expect(page).toContain('最后一次跟进后保存 18 个月');
    expect(page).toContain('我们会记录您同意的政策版本和时间');
    expect(page).toContain('不获取您的微信昵称和头像');
    expect(page).toContain('发送成功后即从中删除'); // the offline outbox on the device
    expect(page).toContain('fj_ls');
    expect(page).toContain('<a href="/opt-out">不再联系</a>');
  });

  it('still takes a bare version, and escapes it', () => {
    expect(renderPrivacyPage('<v2>')).toContain('版本：&lt;v2&gt;');
    expect(renderPrivacyPage('2026-12-01')).toContain('访问记录保存 12 个月');
  });
});
