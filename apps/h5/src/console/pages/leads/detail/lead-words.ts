import {
  LABELS,
  type LeadDetail,
  type ShareTreeNode,
  type TimelineEntryView,
  type VisitEventType,
} from '@fenji/shared';
import { formatDuration, visitorLabel } from '../../../components/format';

/**
 * "归属 李娜：首次触达…": who owns the lead, and why — the latest ownership entry of the timeline. The API's
 * ownership summaries start with 归属 ("归属 李娜：首次触达…", "归属由 王小明 变为 李娜：分配…"); any other summary
 * gets the current owner in front.
 */
export function ownershipWhy(lead: Pick<LeadDetail, 'ownerName' | 'pool' | 'timeline'>): string {
  const who = `归属 ${lead.ownerName ?? (lead.pool === 'public' ? '公海' : '—')}`;
  let latest: LeadDetail['timeline'][number] | undefined;
  for (const entry of lead.timeline) {
    if (entry.kind === 'ownership' && (!latest || Date.parse(entry.at) >= Date.parse(latest.at))) latest = entry;
  }
  if (!latest) return who;
  return latest.summary.startsWith('归属') ? latest.summary : `${who}：${latest.summary}`;
}

/** Visit summaries an older API writes as codes ("dwell 3", "form_open"). */
const CODED_VISIT = /^(view|dwell|reshare|form_open)(?:\s+(\d+))?$/;

/** A timeline entry as one plain Chinese sentence: never an event code, a share code or a visitor id. */
export function timelineSentence(entry: TimelineEntryView): string {
  if (entry.kind !== 'visit') return entry.summary;
  const coded = CODED_VISIT.exec(entry.summary.trim());
  const type = entry.visitType ?? (coded?.[1] as VisitEventType | undefined);
  if (!type) return entry.summary;
  const page = entry.contentTitle ? `《${entry.contentTitle}》` : '页面';
  const via = entry.viaLabel ? `（来自 ${entry.viaLabel} 的分享）` : '';
  const seconds = entry.dwellSeconds ?? (coded?.[2] !== undefined ? Number(coded[2]) : null);
  switch (type) {
    case 'view':
      return entry.visitType || coded ? `打开了${page}${via}` : entry.summary;
    case 'dwell':
      return `阅读${page} ${formatDuration(seconds)}${entry.readDepth != null ? `，读到 ${entry.readDepth}%` : ''}`;
    case 'reshare':
      return `把${page}转发给了朋友`;
    case 'form_open':
      return `打开了${page}的留资表单`;
    case 'read_depth':
      return entry.readDepth != null ? `阅读${page}，读到 ${entry.readDepth}%` : `阅读了${page}`;
  }
}

export interface TreeNode {
  key: string;
  title: string;
  onLeadPath: boolean;
  children: TreeNode[];
}

/** The share chain as a tree: the API's `shareTree` when it sends one, else the linear chain ending at the lead. */
export function shareTreeOf(
  lead: Pick<LeadDetail, 'name' | 'shareChain'> & { shareTree?: ShareTreeNode[]; shareChain: Array<LeadDetail['shareChain'][number] & { sharerLabel?: string | null }> },
  staffNames: Map<string, string>,
): TreeNode[] {
  if (lead.shareTree?.length) {
    const nodes = new Map<string, TreeNode>();
    for (const n of lead.shareTree) {
      const stats = [n.views ? `浏览 ${n.views}` : null, n.leads ? `留资 ${n.leads}` : null].filter(Boolean).join('，');
      nodes.set(n.id, {
        key: n.id,
        title: `${n.label}${n.kind === 'staff' ? ' 分享' : ' 转发'} · ${LABELS.channel[n.channel]}${stats ? `（${stats}）` : ''}`,
        onLeadPath: n.onLeadPath,
        children: [],
      });
    }
    const roots: TreeNode[] = [];
    for (const n of lead.shareTree) {
      const node = nodes.get(n.id)!;
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }
  const chain = [...lead.shareChain].sort((a, b) => a.depth - b.depth);
  if (!chain.length) return [];
  let root: TreeNode | null = null;
  let parent: TreeNode | null = null;
  for (const link of chain) {
    const who = link.sharerVisitorId ? (link.sharerLabel ?? visitorLabel(link.sharerVisitorId)) : (staffNames.get(link.staffId) ?? '员工');
    const node: TreeNode = {
      key: `${link.depth}-${link.shareCode}`,
      title: `${who}${link.sharerVisitorId ? ' 转发' : ' 分享'} · ${LABELS.channel[link.channel]}`,
      onLeadPath: true,
      children: [],
    };
    if (parent) parent.children.push(node);
    else root = node;
    parent = node;
  }
  parent!.children.push({ key: 'lead', title: `${lead.name} 留下了联系方式`, onLeadPath: true, children: [] });
  return root ? [root] : [];
}
