import type { ContentDraft, Role, UpdateCardRequest } from '@fenji/shared';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_BRANCHES = ['上海静安店', '北京朝阳店'] as const;

export const DEMO_STAFF: ReadonlyArray<{ key: string; name: string; phone: string; role: Role; branch: number | null }> = [
  { key: 'hq', name: '周总部', phone: '13800000001', role: 'hq_admin', branch: null },
  { key: 'manager', name: '陈店长', phone: '13800000002', role: 'branch_manager', branch: 0 },
  { key: 'staffA', name: '李娜', phone: '13800000003', role: 'staff', branch: 0 },
  { key: 'staffB', name: '王强', phone: '13800000004', role: 'staff', branch: 1 },
];

export const DEMO_CONTENTS: ReadonlyArray<ContentDraft> = [
  {
    kind: 'product',
    title: '分机智能净水器 Pro',
    summary: '五级过滤，厨下安装，滤芯一年一换。',
    ctaText: '预约体验',
    formFields: ['city', 'preferred_time'],
    blocks: [
      { type: 'text', text: '为家庭厨房设计的净水器，五级过滤去除余氯、重金属和细菌。' },
      { type: 'facts', items: [{ label: '价格', value: '¥2,980 起' }, { label: '滤芯寿命', value: '12 个月' }, { label: '安装', value: '免费上门' }] },
      { type: 'text', text: '免费上门安装，滤芯到期前主动提醒。留下联系方式，门店顾问为您推荐适合的型号。' },
      { type: 'cta', text: '到店体验，现场检测您家的水质' },
    ],
  },
  {
    kind: 'article',
    title: '私域流量的第一步：把每位员工变成“分机”',
    summary: '不靠外挂、不靠群控：员工用微信自带的分享，把总部的好内容送到朋友手中。',
    ctaText: '领取资料',
    formFields: ['company', 'message'],
    blocks: [
      { type: 'text', text: '2020 年 WeTool 等外挂被封之后，很多企业一夜之间失去了客户群。' },
      { type: 'text', text: '合规的做法是：总部统一提供内容，员工手动分享给自己的好友，每一次浏览和留资都回到总部的线索池。' },
      { type: 'video', url: 'https://v.qq.com/x/page/fenji-demo.html', title: '三分钟看懂分机' },
    ],
  },
  {
    kind: 'event',
    title: '周末健康饮水讲座（静安店）',
    summary: '本周六下午两点，现场检测自来水水质。',
    ctaText: '立即报名',
    formFields: ['preferred_time'],
    blocks: [
      { type: 'facts', items: [{ label: '时间', value: '本周六 14:00–16:00' }, { label: '地点', value: '上海静安店二楼活动室' }, { label: '费用', value: '免费' }] },
      { type: 'text', text: '名额有限，留下姓名和手机号即可预约，店员会与您确认时间。' },
    ],
  },
];

/** The demo staff members' own cards (staff key → card). */
export const DEMO_CARDS: Readonly<Record<string, UpdateCardRequest>> = {
  staffA: { title: '净水顾问', intro: '您好，我负责静安区的净水服务，上门安装和滤芯更换都可以找我。', wechatId: 'fenji_li', showWechatId: true, showPhone: true },
  staffB: { title: '门店店长助理', intro: '周末讲座和到店体验都可以提前和我预约。', showPhone: true },
};

export const DEMO_CUSTOMERS = ['张伟', '王芳', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴婷', '徐浩', '孙丽', '马超'];
