import { Alert, Card, Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FIELDS, REVIEW_FIELDS, type RecordFields } from '../../../src-shared/domain/record-fields';
import { displayDate } from '../../../src-shared/indexing/vietnamese-dates';
import { db } from '../../db/database';
import { pagesOfRecord } from '../../db/record-pages';
import type { RecordRow } from '../../db/rows';
import { centralTwin, recordQuality } from '../../review/record-quality';
import { useStationSettings } from '../../settings/station-settings-context';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { VerificationPanel } from '../finalize/VerificationPanel';
import { PagePicker } from '../indexing/PagePicker';
import { PageViewer } from '../indexing/PageViewer';
import { ownerIdLabelKey } from '../../indexing/owner-id-label';

/**
 * One record under review: its pages (zoom, pan, turn), then its fields, quality flags,
 * OCR text and a fresh check of its signature, with the decision buttons. Two grid cells.
 */
export function ReviewRecord(props: { record: RecordRow; actions: ReactNode }) {
  const { record } = props;
  const { t } = useTranslation();
  const { settings } = useStationSettings();
  const [pageId, setPageId] = useState<string | null>(null);
  const [signatureValid, setSignatureValid] = useState<boolean | null>(null);
  // Central is asked once per record shown, when it answers; its twin is flagged like a local one.
  const [central, setCentral] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void centralTwin(record.id).then((twin) => current && setCentral(twin));
    return () => {
      current = false;
    };
  }, [record.id]);
  const view = useLiveQuery(async () => {
    const pages = await pagesOfRecord(record.id);
    const texts = await db.pageTexts.bulkGet(pages.map((page) => page.id));
    return { pages, texts, document: await db.documents.get(record.id) };
  }, [record.id]);
  const flags =
    useLiveQuery(
      () => (settings ? recordQuality(record.id, settings, signatureValid, central) : []),
      [record.id, settings, signatureValid, central],
    ) ?? [];
  const fields = record.fields as RecordFields;
  const shownIndex = Math.max(0, view?.pages.findIndex((page) => page.id === pageId) ?? 0);
  const shown = view?.pages[shownIndex];

  const value = (field: (typeof REVIEW_FIELDS)[number]) => {
    const raw = fields[field];
    if (raw === undefined || raw === '') return '—';
    if (field === 'resultType') return t(`indexing.resultTypes.${String(raw)}`);
    return DATE_FIELDS.includes(field) ? displayDate(String(raw)) : String(raw);
  };

  return (
    <>
      <Card size="small">
        <PageViewer
          page={shown}
          text={view?.texts[shownIndex] ?? undefined}
          span={null}
          tools={<PagePicker pages={view?.pages ?? []} shownId={shown?.id} onPick={setPageId} />}
        />
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'text',
              label: t('review.ocrText'),
              children: (
                <Typography.Paragraph className="ocr-text" data-testid="review-ocr-text">
                  {view?.texts[shownIndex]?.text ?? t('review.noText')}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Card>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card
          size="small"
          title={<Typography.Text strong>{record.code}</Typography.Text>}
          data-testid="review-detail"
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {flags.length === 0 ? (
              <Alert type="success" showIcon title={t('review.noFlags')} data-testid="review-flags-none" />
            ) : (
              <Space size={[4, 4]} wrap data-testid="review-flags">
                {flags.map((flag) => (
                  <Tag key={flag.kind} color="orange" data-testid={`flag-${flag.kind}`}>
                    {t(`review.flags.${flag.kind}`, { count: flag.count ?? 1 })}
                  </Tag>
                ))}
              </Space>
            )}
            {props.actions}
            <Typography.Text type="secondary">{t('review.shortcuts')}</Typography.Text>
            {record.review ? (
              <Typography.Text type={record.review.decision === 'rejected' ? 'danger' : 'success'}>
                {t(`status.${record.review.decision}`)} — {record.review.byName},{' '}
                {formatDateTime(record.review.at)}
                {record.review.reason ? `: ${t(`review.reasons.${record.review.reason.code}`)}` : ''}
              </Typography.Text>
            ) : null}
            <Descriptions size="small" column={1} bordered>
              {REVIEW_FIELDS.filter(
                (field) => field !== 'ownerNationality' || fields.ownerIdKind === 'passport',
              ).map((field) => (
                <Descriptions.Item
                  key={field}
                  label={t(field === 'ownerIdNumber' ? ownerIdLabelKey(fields) : `indexing.fields.${field}`)}
                >
                  {value(field)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Space>
        </Card>
        {view?.document?.pdf && record.code ? (
          <VerificationPanel pdf={view.document.pdf} code={record.code} onVerified={setSignatureValid} />
        ) : null}
      </Space>
    </>
  );
}
