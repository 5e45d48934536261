import { CheckOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../src-shared/domain/procedure-catalogue';
import { usualExpiry } from '../../../src-shared/indexing/catalogue-fill';
import { displayDate } from '../../../src-shared/indexing/vietnamese-dates';

/**
 * The end date the catalogue's usual term gives (effective date + the procedure's months),
 * offered under an empty end date: the catalogue's word, so shown as such and never filled
 * without the clerk's click or accept-all.
 */
export function UsualTermSuggestion(props: {
  procedure: Procedure | undefined;
  /** `yyyy-mm-dd`, when the form holds a valid one. */
  effectiveDate: string | undefined;
  onAccept: (date: string) => void;
}) {
  const { t } = useTranslation();
  const date = usualExpiry(props.procedure, props.effectiveDate);
  if (!date) return null;
  const months = props.procedure?.validityMonths;
  return (
    <div className="suggestion" data-testid="usual-term-expiryDate">
      <Tooltip title={t('indexing.usualTermHint', { months })}>
        <Tag color="purple">{t('indexing.usualTerm')}</Tag>
      </Tooltip>
      <span>{t('indexing.usualTermText', { date: displayDate(date), months })}</span>
      <Button
        size="small"
        type="link"
        icon={<CheckOutlined />}
        onClick={() => props.onAccept(date)}
        data-testid="accept-usual-term"
      >
        {t('indexing.accept')}
      </Button>
    </div>
  );
}
