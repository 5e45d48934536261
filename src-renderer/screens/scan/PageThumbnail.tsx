import { Card, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageRow } from '../../db/rows';

/** One stored page: its thumbnail straight from IndexedDB, and its quality flags. */
export function PageThumbnail({ page, minDpi }: { page: PageRow; minDpi: number }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(page.thumbnail);
    const frame = requestAnimationFrame(() => setUrl(objectUrl));
    return () => {
      cancelAnimationFrame(frame);
      URL.revokeObjectURL(objectUrl);
    };
  }, [page.thumbnail]);
  const label = t('scan.page', { number: page.index + 1 });
  return (
    <Card size="small" className="page-thumb" data-testid="page-thumb" data-index={page.index}>
      {url ? <img src={url} alt={label} /> : <div className="page-thumb-placeholder" />}
      <div className="page-thumb-caption">
        <span>{label}</span>
        {page.blank ? <Tag color="orange">{t('scan.blank')}</Tag> : null}
        {page.lowDpi ? <Tag color="red">{t('scan.lowDpi', { min: minDpi })}</Tag> : null}
      </div>
    </Card>
  );
}
