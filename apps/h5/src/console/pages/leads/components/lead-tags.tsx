import { Tag, Tooltip } from 'antd';
import { LABELS, LEAD_QUERY_LABELS, type LeadHeat, type LeadStatus } from '@fenji/shared';

const STATUS_COLORS: Record<LeadStatus, string> = { new: 'blue', contacted: 'cyan', qualified: 'gold', converted: 'green', lost: 'default' };
const HEAT_COLORS = { hot: 'red', warm: 'orange', cold: 'default' } as const;

export function StatusTag({ status }: { status: LeadStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{LABELS.leadStatus[status]}</Tag>;
}

/** Heat with its reason in words on hover (and for screen readers). */
export function HeatTag({ heat }: { heat: LeadHeat | null | undefined }) {
  if (!heat) return <span aria-label="热度暂无">—</span>;
  return (
    <Tooltip title={heat.reason}>
      <Tag color={HEAT_COLORS[heat.level]} aria-label={`${LEAD_QUERY_LABELS.heat[heat.level]} ${heat.score} 分：${heat.reason}`}>
        {LEAD_QUERY_LABELS.heat[heat.level]} {heat.score}
      </Tag>
    </Tooltip>
  );
}

export function DoNotContactTag() {
  return (
    <Tooltip title="客户要求不再联系：所有员工都不得再联系">
      <Tag color="red">不再联系</Tag>
    </Tooltip>
  );
}
