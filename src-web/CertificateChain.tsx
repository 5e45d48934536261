import { Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TlsCertificateInfo } from '../src-shared/central/central-tls';
import { displayDate } from '../src-shared/indexing/vietnamese-dates';

/**
 * A TLS certificate chain, each certificate with its fingerprint: what Central's console shows
 * its administrator and what a station shows before pinning one (then with `pin` and `onPin`).
 */
export function CertificateChain(props: {
  chain: TlsCertificateInfo[];
  pin?: string | null;
  onPin?: (fingerprint: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { onPin } = props;
  return (
    <Table<TlsCertificateInfo>
      size="small"
      pagination={false}
      rowKey="fingerprint256"
      dataSource={props.chain}
      data-testid={props.testId}
      columns={[
        ...(onPin
          ? [
              {
                title: t('settings.central.pinThis'),
                key: 'pin',
                width: 90,
                render: (_: unknown, certificate: TlsCertificateInfo) => (
                  <Radio
                    checked={props.pin === certificate.fingerprint256}
                    onChange={() => onPin(certificate.fingerprint256)}
                  />
                ),
              },
            ]
          : []),
        { title: t('settings.central.subject'), dataIndex: 'subject' },
        { title: t('settings.central.issuer'), dataIndex: 'issuer' },
        {
          title: t('settings.central.validTo'),
          dataIndex: 'validTo',
          width: 110,
          render: (value: string) => displayDate(value.slice(0, 10)),
        },
        {
          title: t('settings.central.fingerprint'),
          dataIndex: 'fingerprint256',
          render: (value: string) => <Fingerprint value={value} />,
        },
      ]}
    />
  );
}

/** A SHA-256 fingerprint as the admin reads it aloud: wrapped only between its byte pairs. */
export function Fingerprint(props: { value: string; testId?: string }) {
  return (
    <Typography.Text code style={{ fontSize: 12, whiteSpace: 'normal' }} data-testid={props.testId}>
      {props.value.split(':').map((pair, index) => (
        <span key={index}>
          {index > 0 ? ':' : ''}
          {index > 0 ? <wbr /> : null}
          {pair}
        </span>
      ))}
    </Typography.Text>
  );
}
