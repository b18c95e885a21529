import { useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LABELS, POOL_LABELS, type FollowUp, type LeadListItem, type PoolSettings } from '@fenji/shared';
import { Heat } from '../../../../components/heat';
import { RemoteState } from '../../../../components/list-state';
import { PageShell } from '../../../../components/page-shell';
import { Sheet } from '../../../../components/sheet';
import { useOnReconnect } from '../../../../hooks/use-online';
import { useRemote } from '../../../../hooks/use-remote';
import { ensureSession } from '../../../../services/auth-guard';
import { refreshDueBadge } from '../../../../services/badge.service';
import { callPhone, copyText } from '../../../../services/contact.service';
import { markLeadsChanged } from '../../../../services/lead-changes';
import { getLead, type LeadDetailView } from '../../../../services/lead.service';
import { getPoolSettings } from '../../../../services/pool.service';
import { getSessionUser } from '../../../../services/session.service';
import { describeDue } from '../../../../utils/follow-up-time.util';
import { formatDateTime, formatTime } from '../../../../utils/format-time.util';
import { DoNotContactForm, WechatIdForm } from '../../components/contact-forms';
import { FollowUpForm } from '../../components/follow-up-form';
import { ReleaseForm } from '../../components/release-form';
import { StatusForm } from '../../components/status-form';
import { TagEditor } from '../../components/tag-editor';
import { Timeline } from '../../components/timeline';
import './index.css';

/** What a lead looks like once released, when the API's answer does not say. */
const RELEASED: Partial<LeadListItem> = { pool: 'public', ownerStaffId: null, ownerName: null, protectedUntil: null, recycleAt: null };

type SheetName = 'followUp' | 'status' | 'more' | 'tags' | 'wechat' | 'doNotContact' | 'release';

const SHEET_TITLES: Record<SheetName, string> = {
  followUp: '写跟进',
  status: '修改客户状态',
  more: '更多操作',
  tags: '客户标签',
  wechat: '客户微信号',
  doNotContact: '不再联系',
  release: '放回公海',
};

/** 更多: the owner's less frequent actions; `contact` ones are gone once the lead asked not to be contacted. */
const MORE_ACTIONS: ReadonlyArray<{ sheet: SheetName; label: string; danger?: boolean; contact?: boolean }> = [
  { sheet: 'wechat', label: '记录客户微信号', contact: true },
  { sheet: 'tags', label: '编辑标签' },
  { sheet: 'doNotContact', label: '标记为不再联系', danger: true, contact: true },
  { sheet: 'release', label: '放回公海', danger: true },
];

/**
 * One lead: who they are, how to reach them (tap to call, copy phone and WeChat ID), how warm they are, the
 * follow-ups and the timeline newest first. Its owner writes follow-ups, moves its status, tags it and can put it
 * back into the public pool; each form opens in a sheet from the action bar. A lead marked 不再联系 offers no contact.
 */
export default function LeadDetailPage() {
  const { params } = useRouter();
  const leadId = params.id ?? '';
  const lead = useRemote(() => getLead(leadId));
  const [settings, setSettings] = useState<PoolSettings | null>(null);
  const [sheet, setSheet] = useState<SheetName | null>(null);
  const [me] = useState(() => getSessionUser());

  useLoad(() => {
    if (!ensureSession()) return;
    void lead.reload();
    getPoolSettings().then(setSettings, () => undefined);
  });
  usePullDownRefresh(() => void lead.reload().finally(() => Taro.stopPullDownRefresh()));
  useOnReconnect(() => void lead.reload());

  const patch = (update: Partial<LeadDetailView>) => lead.setData((prev) => prev && { ...prev, ...update });
  const afterChange = () => {
    setSheet(null);
    markLeadsChanged();
    void lead.reload();
    void refreshDueBadge();
  };

  const onFollowUpSaved = (followUp: FollowUp) => {
    lead.setData(
      (prev) =>
        prev && { ...prev, followUps: [followUp, ...prev.followUps.filter((f) => f.id !== followUp.id)], lastFollowUpAt: followUp.createdAt, nextFollowUpAt: followUp.nextAt },
    );
    afterChange();
  };

  const data = lead.data;
  if (!data) {
    return (
      <PageShell className='lead-detail'>
        <RemoteState error={lead.error} onRetry={() => void lead.reload()} notFound='客户不存在或无权查看' />
      </PageShell>
    );
  }

  const isOwner = data.pool === 'private' && me !== null && data.ownerStaffId === me.id;
  const blocked = data.doNotContact === true;
  const canContact = isOwner && !blocked;
  const due = data.nextFollowUpAt ? describeDue(data.nextFollowUpAt, new Date()) : null;
  const tags = data.tags ?? [];

  return (
    <PageShell className={`lead-detail${isOwner ? ' lead-detail--with-bar' : ''}`}>
      {blocked && (
        <Text id='lead-do-not-contact' className='notice-bar notice-bar--danger'>
          该客户已要求不再联系：请勿拨打、添加微信或发送信息
        </Text>
      )}

      <View className='card'>
        <View className='lead-detail__head'>
          <Text className='lead-detail__name'>{data.name}</Text>
          <View>
            {blocked && <Text className='tag tag--danger'>不再联系</Text>}
            <Text className={`tag tag--status-${data.status}`}>{LABELS.leadStatus[data.status]}</Text>
          </View>
        </View>
        <Heat score={data.heat?.score} reason={data.heat?.reason} />

        <View className='contact-row'>
          <Text className='contact-row__label'>手机</Text>
          <Text className='contact-row__value lead-detail__phone' userSelect={!blocked}>
            {data.phone}
          </Text>
          {canContact && !data.phoneMasked && (
            <View className='contact-row__actions'>
              <Button className='btn-mini btn-mini--primary' size='mini' id='lead-call' onClick={() => callPhone(data.phone)}>
                拨打
              </Button>
              <Button className='btn-mini' size='mini' onClick={() => void copyText(data.phone, '手机号')}>
                复制
              </Button>
            </View>
          )}
        </View>
        {(data.wechatId || isOwner) && (
          <View className='contact-row'>
            <Text className='contact-row__label'>微信</Text>
            <Text className={`contact-row__value${data.wechatId ? '' : ' muted'}`}>{data.wechatId || '未记录'}</Text>
            <View className='contact-row__actions'>
              {canContact && data.wechatId && (
                <Button className='btn-mini' size='mini' onClick={() => void copyText(data.wechatId ?? '', '微信号')}>
                  复制
                </Button>
              )}
              {canContact && (
                <Button className='btn-mini' size='mini' onClick={() => setSheet('wechat')}>
                  {data.wechatId ? '修改' : '记录'}
                </Button>
              )}
            </View>
          </View>
        )}

        <View className='lead-detail__tags'>
          {tags.map((tag) => (
            <Text key={tag.id} className='tag tag--tone-own lead-tag'>
              {tag.name}
            </Text>
          ))}
          {isOwner && (
            <Text className='link lead-detail__edit-tags' onClick={() => setSheet('tags')}>
              {tags.length ? '编辑标签' : '+ 添加标签'}
            </Text>
          )}
        </View>

        {due && !blocked && (
          <Text id='lead-next-follow-up' className={`lead-detail__due${due.overdue ? ' lead-detail__due--overdue' : ''}`}>
            下次跟进：{due.text}
          </Text>
        )}

        <View className='lead-detail__facts'>
          <Text className='muted'>归属：{data.ownerName ?? '公海'}</Text>
          <Text className='muted'>{LABELS.pool[data.pool]}</Text>
          <Text className='muted'>触达 {data.touchCount} 次</Text>
          <Text className='muted'>创建于 {formatTime(data.createdAt)}</Text>
          {data.chainDepth !== undefined && data.chainDepth > 0 && <Text className='muted'>经 {data.chainDepth} 层转发</Text>}
          {data.lastFollowUpAt && <Text className='muted'>最近跟进 {formatTime(data.lastFollowUpAt)}</Text>}
          {data.memberId && <Text className='muted'>已转为会员</Text>}
        </View>
        {(data.protectedUntil || data.recycleAt) && (
          <View className='lead-detail__clocks'>
            {data.protectedUntil && (
              <Text id='lead-protected-until' className='lead-detail__clock'>
                保护期至 {formatDateTime(data.protectedUntil)}
              </Text>
            )}
            {data.recycleAt && (
              <Text id='lead-recycle-at' className='lead-detail__clock lead-detail__clock--recycle'>
                回收时间 {formatDateTime(data.recycleAt)}（跟进后重新计时）
              </Text>
            )}
          </View>
        )}
        {data.message ? <Text className='lead-detail__message'>留言：{data.message}</Text> : null}
        {!isOwner && (
          <Text className='muted lead-detail__readonly'>{data.pool === 'public' ? '该客户在公海，领取后才能跟进' : '该客户不属于你，只能查看'}</Text>
        )}
      </View>

      <View className='card follow-ups'>
        <Text className='section-title'>跟进记录</Text>
        {data.followUps.length === 0 && <Text className='muted'>还没有跟进记录</Text>}
        {data.followUps.map((followUp) => (
          <View key={followUp.id} className='follow-up-item'>
            <View className='follow-up-item__head'>
              <Text className='tag'>{POOL_LABELS.followUpMethod[followUp.method]}</Text>
              <Text className='muted'>{[followUp.staffName, formatTime(followUp.createdAt)].filter(Boolean).join(' · ')}</Text>
            </View>
            <Text className='follow-up-item__note'>{followUp.note}</Text>
            {followUp.nextAt && <Text className='muted follow-up-item__next'>下次跟进 {formatDateTime(followUp.nextAt)}</Text>}
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>时间线</Text>
        <Timeline entries={data.timeline} />
      </View>

      {isOwner && (
        <View className='action-bar'>
          {!blocked && (
            <Button className='btn-primary action-bar__main' onClick={() => setSheet('followUp')}>
              写跟进
            </Button>
          )}
          <Button className='btn-plain action-bar__btn' onClick={() => setSheet('status')}>
            改状态
          </Button>
          <Button className='btn-plain action-bar__btn' onClick={() => setSheet('more')}>
            更多
          </Button>
        </View>
      )}

      {isOwner && (
        <Sheet visible={sheet !== null} title={sheet ? SHEET_TITLES[sheet] : ''} onClose={() => setSheet(null)}>
          {sheet === 'followUp' && <FollowUpForm leadId={data.id} onSaved={onFollowUpSaved} />}
          {sheet === 'status' && (
            <StatusForm
              leadId={data.id}
              current={data.status}
              onChanged={(item) => {
                patch(item);
                afterChange();
              }}
            />
          )}
          {sheet === 'tags' && (
            <TagEditor
              leadId={data.id}
              initial={tags.map((t) => t.name)}
              onSaved={(saved) => {
                patch({ tags: saved });
                afterChange();
              }}
            />
          )}
          {sheet === 'wechat' && (
            <WechatIdForm
              leadId={data.id}
              initial={data.wechatId ?? ''}
              onSaved={(saved) => {
                lead.setData(saved);
                setSheet(null);
              }}
            />
          )}
          {sheet === 'doNotContact' && (
            <DoNotContactForm
              leadId={data.id}
              onSaved={(saved) => {
                lead.setData(saved);
                afterChange();
              }}
            />
          )}
          {sheet === 'release' && (
            <ReleaseForm
              leadId={data.id}
              reclaimBlockDays={settings?.reclaimBlockDays ?? null}
              onReleased={(item) => {
                patch({ ...RELEASED, ...item });
                afterChange();
              }}
            />
          )}
          {sheet === 'more' && (
            <View className='more-actions'>
              {MORE_ACTIONS.filter((action) => !(blocked && action.contact)).map((action) => (
                <Text
                  key={action.sheet}
                  className={`more-actions__item${action.danger ? ' more-actions__item--danger' : ''}`}
                  onClick={() => setSheet(action.sheet)}
                >
                  {action.label}
                </Text>
              ))}
            </View>
          )}
        </Sheet>
      )}
    </PageShell>
  );
}
