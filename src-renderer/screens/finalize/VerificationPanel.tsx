import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVerification } from '../../../src-shared/domain/signing';
import { verifyDocument } from '../../finalize/verify-document';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';

const time = (iso: string | null | undefined) => (iso ? formatDateTime(Date.parse(iso)) : '—');

/**
 * The record's signed file checked afresh in main: integrity, signer, signing time, chain
 * to the trust store, and whether anything changed after signing.
 */
export function VerificationPanel(props: {
  pdf: Blob;
  code: string;
  /** Told the answer (the review screen flags an invalid signature). */
  onVerified?: (valid: boolean) => void;
}) {
  const { pdf, code, onVerified } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [result, setResult] = useState<{ report?: DocumentVerification; error?: string } | null>(null);

  useEffect(() => {
    let current = true;
    verifyDocument(pdf, `${code}.pdf`).then(
      (report) => {
        if (!current) return;
        setResult({ report });
        onVerified?.(report.valid);
      },
      // The check could not run: that says nothing of the signature either way.
      (error: unknown) => current && setResult({ error: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [pdf, code, errorText, onVerified]);

  if (!result) return <Spin />;
  if (result.error) return <Alert type="error" showIcon title={result.error} />;
  const report = result.report!;
  return (
    <Card size="small" title={t('verification.title')} data-testid="verification-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        {report.valid ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            title={t('verification.valid')}
            data-testid="verification-valid"
          />
        ) : (
          <Alert type="error" showIcon icon={<CloseCircleFilled />} title={t('verification.invalid')} />
        )}
        {report.signatures.length === 0 ? (
          <Alert type="warning" showIcon title={t('verification.none')} />
        ) : null}
        {report.changedAfterSigning ? (
          <Alert
            type="warning"
            showIcon
            icon={<WarningFilled />}
            title={t('verification.changedAfterSigning')}
          />
        ) : null}
        {report.signatures.map((signature, index) => (
          <Descriptions key={index} size="small" column={1} bordered>
            <Descriptions.Item label={t('verification.signer')}>
              <span data-testid="verification-signer">{signature.signer?.name ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('verification.organization')}>
              {signature.signer?.organization ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('verification.issuer')}>
              {signature.signer?.issuer ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('verification.time')}>
              {time(signature.claimedTime)}
            </Descriptions.Item>
            <Descriptions.Item label={t('verification.timestamp')}>
              {signature.timestamp
                ? `${time(signature.timestamp.time)} (${signature.timestamp.authority})`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('verification.certificateValidity')}>
              {signature.signer
                ? `${time(signature.signer.validFrom)} – ${time(signature.signer.validTo)}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('verification.integrity')}>
              <Tag color={signature.intact ? 'green' : 'red'}>
                {t(signature.intact ? 'verification.intact' : 'verification.broken')}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('verification.chainLabel')}>
              <Tag color={signature.chain.status === 'trusted' ? 'green' : 'orange'}>
                {t(`verification.chain.${signature.chain.status}`)}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
        ))}
      </Space>
    </Card>
  );
}
