import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CertificateChain } from '../../src-web/CertificateChain';
import { useCentral } from '../api/use-central';
import { useProblemText } from '../api/use-problem-text';

/**
 * The certificate chain Central serves, each with its SHA-256 fingerprint: what the IT admin
 * at a station compares, byte pair by byte pair, before pinning the one it shows.
 */
export function CentralCertificateCard() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const tls = useCentral((api) => api.call('tls'), 'tls');
  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('console.stations.tlsTitle')}
        </span>
      }
      loading={tls.loading && !tls.data}
      style={{ marginBottom: 16 }}
    >
      {tls.error ? <Alert type="error" showIcon title={problemText(tls.error)} /> : null}
      {tls.data && !tls.data.tls ? (
        <Alert type="warning" showIcon title={t('console.stations.tlsOff')} data-testid="central-tls-off" />
      ) : null}
      {tls.data?.tls ? (
        <>
          <Typography.Paragraph type="secondary">{t('console.stations.tlsHint')}</Typography.Paragraph>
          <CertificateChain chain={tls.data.chain} testId="central-tls-chain" />
        </>
      ) : null}
    </Card>
  );
}
