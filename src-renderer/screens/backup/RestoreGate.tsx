import { Alert, Button, Card, Progress, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPendingRestore } from '../../backup/load-restore';
import { db } from '../../db/database';
import { actingUser } from '../../session/acting-user';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';

type Phase =
  | { kind: 'checking' }
  | { kind: 'loading'; done: number; total: number }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready' };

/**
 * Before any screen opens after a restore, the tables main staged go into IndexedDB: the
 * queue, the audit trail and the code sequences are never seen half restored.
 */
export function RestoreGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });

  const load = useCallback(
    () =>
      loadPendingRestore(db, station, actingUser(), (done, total) =>
        setPhase({ kind: 'loading', done, total }),
      ).then(
        () => setPhase({ kind: 'ready' }),
        (error: unknown) => setPhase({ kind: 'failed', error }),
      ),
    [],
  );

  useEffect(() => {
    void load();
  }, [load]);

  if (phase.kind === 'ready') return <>{children}</>;
  if (phase.kind === 'checking') return <Spin size="large" fullscreen />;
  return (
    <div className="auth-page">
      <Card className="auth-card" title={t('backup.restoreTitle')} data-testid="restore-gate">
        {phase.kind === 'loading' ? (
          <>
            <Typography.Paragraph>
              {t('backup.loading', { done: phase.done, total: phase.total })}
            </Typography.Paragraph>
            <Progress percent={Math.round((phase.done / Math.max(1, phase.total)) * 100)} />
          </>
        ) : (
          <>
            <Alert
              type="error"
              showIcon
              title={t('backup.loadFailed')}
              description={errorText(phase.error)}
              style={{ marginBottom: 16 }}
              data-testid="restore-gate-error"
            />
            <Space>
              <Button
                type="primary"
                onClick={() => {
                  setPhase({ kind: 'checking' });
                  void load();
                }}
              >
                {t('backup.retry')}
              </Button>
              <Button
                danger
                onClick={() => void station.backup.restoreDone({}).then(() => setPhase({ kind: 'ready' }))}
                data-testid="restore-discard"
              >
                {t('backup.discard')}
              </Button>
            </Space>
          </>
        )}
      </Card>
    </div>
  );
}
