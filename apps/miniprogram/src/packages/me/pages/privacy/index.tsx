import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PRIVACY_NOTICE_VERSION } from '@fenji/shared';
import { PageShell } from '../../../../components/page-shell';
import { isWeapp } from '../../../../config/platform';
import './index.css';

const SECTIONS: ReadonlyArray<{ title: string; lines: string[] }> = [
  {
    title: '分享由你本人完成',
    lines: ['分机不会替你添加好友、群发消息或操控微信。每一次分享都由你本人通过微信的分享功能完成。', '不得以“转发解锁”“转发有奖”等方式诱导客户分享。'],
  },
  {
    title: '客户的信息',
    lines: [
      '客户在落地页看到隐私说明并主动勾选同意后，才会留下姓名和手机号。',
      '客户手机号只对其归属员工完整展示，其他人看到的是打码号码；查看完整号码和导出都会记录在审计日志中。',
      '客户要求“不再联系”后，所有员工都会看到该标记，请勿再拨打或添加微信。',
    ],
  },
  {
    title: '你的信息',
    lines: [
      '你的名片只展示你选择公开的内容：电话和微信号各自有“向客户展示”开关。',
      '名片照片和海报仅用于你的分享页面。',
      '保存海报到相册前，微信会请你确认隐私授权；你可以在微信设置中随时关闭相册权限。',
    ],
  },
  {
    title: '访问记录',
    lines: ['客户雷达展示的是客户在你分享页面上的浏览、停留和转发情况，用于你及时跟进；未留资的客户只以“访客 + 编号”显示。'],
  },
];

/** 隐私指引: how the app handles staff's and customers' information, in plain words. */
export default function PrivacyPage() {
  return (
    <PageShell className='privacy'>
      {SECTIONS.map((section) => (
        <View key={section.title} className='card'>
          <Text className='section-title'>{section.title}</Text>
          {section.lines.map((line) => (
            <Text key={line} className='privacy__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}
      <Text className='muted privacy__version'>客户隐私说明版本：{PRIVACY_NOTICE_VERSION}</Text>
      {isWeapp() && (
        <Button className='btn-plain' onClick={() => void Promise.resolve(Taro.openPrivacyContract({})).catch(() => undefined)}>
          查看小程序隐私保护指引
        </Button>
      )}
    </PageShell>
  );
}
