import type { ContentKind, Role } from '@fenji/shared';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_BRANCHES = ['上海静安店', '北京朝阳店'] as const;

export const DEMO_STAFF: ReadonlyArray<{ key: string; name: string; phone: string; role: Role; branch: number | null }> = [
  { key: 'hq', name: '周总部', phone: '13800000001', role: 'hq_admin', branch: null },
  { key: 'manager', name: '陈店长', phone: '13800000002', role: 'branch_manager', branch: 0 },
  { key: 'staffA', name: '李娜', phone: '13800000003', role: 'staff', branch: 0 },
  { key: 'staffB', name: '王强', phone: '13800000004', role: 'staff', branch: 1 },
];

export const DEMO_CONTENTS: ReadonlyArray<{ kind: ContentKind; title: string; summary: string; body: string }> = [
  {
    kind: 'product',
    title: '分机智能净水器 Pro',
    summary: '五级过滤，厨下安装，滤芯一年一换。',
    body: '为家庭厨房设计的净水器，五级过滤去除余氯、重金属和细菌。\n\n免费上门安装，滤芯到期前主动提醒。留下联系方式，门店顾问为您推荐适合的型号。',
  },
  {
    kind: 'article',
    title: '私域流量的第一步：把每位员工变成“分机”',
    summary: '不靠外挂、不靠群控：员工用微信自带的分享，把总部的好内容送到朋友手中。',
    body: '2020 年 WeTool 等外挂被封之后，很多企业一夜之间失去了客户群。\n\n合规的做法是：总部统一提供内容，员工手动分享给自己的好友，每一次浏览和留资都回到总部的线索池。',
  },
  {
    kind: 'event',
    title: '周末健康饮水讲座（静安店）',
    summary: '本周六下午两点，现场检测自来水水质。',
    body: '地点：上海静安店二楼活动室。\n\n名额有限，留下姓名和手机号即可预约，店员会与您确认时间。',
  },
  { kind: 'card', title: '李娜的名片', summary: '上海静安店 · 净水顾问', body: '您好，我是李娜，负责静安区的净水服务。有任何问题都可以在这里给我留言。' },
];

export const DEMO_CUSTOMERS = ['张伟', '王芳', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴婷', '徐浩', '孙丽', '马超'];
