import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordStatus } from '../../../src-shared/domain/record-status';
import { useStatusCounts } from '../../db/queue-counts';

export type WorkflowStep = 'stats';

/** The record statuses each step of the workflow works on. */
const STEP_STATUSES: Record<WorkflowStep, readonly RecordStatus[]> = {
  stats: ['captured', 'indexed', 'finalized', 'submitted', 'approved', 'queued', 'synced'],
};

/**
 * A step's overview from the live queue in IndexedDB: what the step is for and how many
 * records stand in each of its statuses. Each step's working screen builds on this.
 */
export function WorkflowStepScreen({ step }: { step: WorkflowStep }) {
  const { t } = useTranslation();
  const counts = useStatusCounts();
  const statuses = STEP_STATUSES[step];
  const total = statuses.reduce((sum, status) => sum + counts[status], 0);

  return (
    <Card data-testid={`step-${step}`}>
      <Typography.Paragraph type="secondary">{t(`workflow.${step}`)}</Typography.Paragraph>
      <Typography.Title level={5}>{t('workflow.recordsByStatus')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {statuses.map((status) => (
          <Col key={status} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`status.${status}`)} value={counts[status]} />
            </Card>
          </Col>
        ))}
      </Row>
      {total === 0 ? <Empty style={{ marginTop: 24 }} description={t('workflow.emptyTitle')} /> : null}
    </Card>
  );
}
