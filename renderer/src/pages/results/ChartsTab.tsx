/**
 * 图表: the period at a glance — ranking, the fusion quadrants (两张皮),
 * grade and total distributions, and one chosen branch's profile (radar and
 * trend). Every chart says its message in its title and can be saved as a picture.
 */
import { Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import type { PeriodResults } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { useChartSize } from '../../charts/Chart';
import { GradeChart, HistogramChart } from '../../charts/DistributionCharts';
import { RadarChart, TrendChart } from '../../charts/ProfileCharts';
import { QuadrantChart } from '../../charts/QuadrantChart';
import { RankingChart } from '../../charts/RankingChart';
import type { ChartSize } from '../../charts/setup';
import type { DrawerTarget } from './target';

export function ChartSizeSwitch() {
  const { size, setSize } = useChartSize();
  return (
    <span className="rpc-size-switch">
      <Typography.Text type="secondary" style={{ marginRight: 8 }}>
        {t('results.charts.size')}
      </Typography.Text>
      <Segmented<ChartSize>
        value={size}
        onChange={setSize}
        options={[
          { value: 'normal', label: t('results.charts.size.normal') },
          { value: 'projector', label: t('results.charts.size.projector') },
        ]}
        data-testid="chart-size"
      />
    </span>
  );
}

export function ChartsTab({ data, onOpen }: { data: PeriodResults; onOpen: (target: DrawerTarget) => void }) {
  const { size } = useChartSize();
  const branches = data.result.branches;
  const [profileId, setProfileId] = useState<number>(branches[0]!.branchId);
  const profile = branches.find((b) => b.branchId === profileId) ?? branches[0]!;
  const openBranch = (branchId: number) => onOpen({ branchId });

  const picker = (
    <Select
      showSearch
      value={profile.branchId}
      onChange={setProfileId}
      style={{ width: 300, maxWidth: '100%' }}
      optionFilterProp="label"
      aria-label={t('results.charts.radar.pick')}
      data-testid="chart-profile-branch"
      options={branches.map((b) => ({ value: b.branchId, label: `${b.rank}. ${b.code} ${b.name}` }))}
    />
  );

  return (
    <div data-testid="charts-tab">
      <div className="rpc-toolbar">
        <Typography.Text type="secondary">{t('results.charts.intro')}</Typography.Text>
        <ChartSizeSwitch />
      </div>
      <div className={`rpc-grid ${size === 'projector' ? 'rpc-projector' : ''}`}>
        <div className="rpc-wide">
          <RankingChart data={data} onOpen={openBranch} />
        </div>
        <div className="rpc-wide">
          <QuadrantChart data={data} onOpen={openBranch} />
        </div>
        <GradeChart data={data} />
        <HistogramChart data={data} />
        <RadarChart data={data} branch={profile} testId="chart-radar" extra={picker} />
        <TrendChart data={data} branch={profile} testId="chart-trend" />
      </div>
    </div>
  );
}
