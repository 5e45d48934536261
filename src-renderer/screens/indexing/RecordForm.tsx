import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
  type FormInstance,
} from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../src-shared/domain/procedure-catalogue';
import {
  DATE_FIELDS,
  FORM_FIELDS,
  maxLengthOf,
  PERSON_FIELDS,
  type RecordField,
} from '../../../src-shared/domain/record-fields';
import { foldText } from '../../../src-shared/domain/text-fold';
import { RESULT_TYPES } from '../../../src-shared/domain/record-fields';
import { catalogueConflict, usualExpiry } from '../../../src-shared/indexing/catalogue-fill';
import type { SuggestedField } from '../../../src-shared/indexing/field-suggestions';
import { displayDate, parseDisplayDate } from '../../../src-shared/indexing/vietnamese-dates';
import type { PageSuggestion } from '../../indexing/record-suggestions';
import { DepartmentSelect } from '../../ui/DepartmentSelect';
import { ownerIdLabelKey } from '../../indexing/owner-id-label';
import { UsualTermSuggestion } from './UsualTermSuggestion';

/** Form values: dates as the clerk types them (dd/mm/yyyy). */
export type FormValues = Record<RecordField | 'departmentCode', string | boolean | undefined>;

/** How a suggestion is shown and filled in: dates in dd/mm/yyyy. */
export const suggestionText = (field: SuggestedField, value: string) =>
  DATE_FIELDS.includes(field as RecordField) ? displayDate(value) : value;

/** The record's fields, each with its suggestion (not filled in until accepted). */
export function RecordForm(props: {
  form: FormInstance<FormValues>;
  initialValues: Partial<FormValues>;
  procedures: readonly Procedure[];
  suggestions: Map<SuggestedField, PageSuggestion>;
  disabled: boolean;
  onFocusField: (field: RecordField) => void;
  onAccept: (field: SuggestedField) => void;
  onDismiss: (field: SuggestedField) => void;
  /** The clerk chose a procedure: the catalogue fills what it knows. */
  onProcedure: (code: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const ownerKind = Form.useWatch('ownerKind', props.form) ?? 'person';
  const idKind = (Form.useWatch('ownerIdKind', props.form) ?? 'personal') as 'personal' | 'passport';
  const values = Form.useWatch([], props.form) as Partial<FormValues> | undefined;
  const procedure = props.procedures.find((each) => each.code === values?.procedureCode);
  const effectiveDate = parseDisplayDate(String(values?.effectiveDate ?? '')) ?? undefined;
  // An end date read on the record's own pages, within the catalogue, outranks its usual term.
  const read = props.suggestions.get('expiryDate');
  const readExpiry =
    read &&
    !read.otherDocument &&
    !catalogueConflict('expiryDate', procedure, { value: read.value, effectiveDate });

  const suggestion = (field: RecordField) => {
    const found = props.suggestions.get(field as SuggestedField);
    if (!found) return null;
    const shown =
      field === 'resultType'
        ? t(`indexing.resultTypes.${found.value}`)
        : suggestionText(found.field, found.value);
    if (values?.[field] === (field === 'resultType' ? found.value : shown)) return null;
    const conflict = catalogueConflict(field, procedure, { value: found.value, effectiveDate });
    return (
      <div className="suggestion" data-testid={`suggestion-${field}`}>
        {conflict ? (
          <Tooltip
            title={t(`indexing.catalogueConflict.${conflict}`, {
              months: procedure?.validityMonths,
              usual: displayDate(usualExpiry(procedure, effectiveDate) ?? ''),
            })}
          >
            <Tag color="red" data-testid={`conflict-${field}`}>
              {t('indexing.catalogueConflictTag')}
            </Tag>
          </Tooltip>
        ) : null}
        <Tooltip
          title={found.problems?.map((problem) => t(`indexing.problems.identity.${problem}`)).join(' ')}
        >
          <Tag color={found.confidence === 'high' ? 'blue' : 'gold'}>{t('indexing.suggested')}</Tag>
        </Tooltip>
        {found.otherDocument ? (
          <Tooltip title={t('indexing.otherDocumentHint')}>
            <Tag color="orange" data-testid={`other-document-${field}`}>
              {t('indexing.otherDocument')}
            </Tag>
          </Tooltip>
        ) : null}
        <span>{shown}</span>
        <Typography.Text
          type="secondary"
          className="suggestion-page"
          data-testid={`suggestion-page-${field}`}
        >
          {found.region
            ? t('indexing.onPageCode', { number: found.pageIndex + 1 })
            : t('indexing.onPage', { number: found.pageIndex + 1 })}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          icon={<CheckOutlined />}
          onClick={() => props.onAccept(found.field)}
          data-testid={`accept-${field}`}
        >
          {t('indexing.accept')}
        </Button>
        <Tooltip title={t('indexing.dismissHint')}>
          <Button
            size="small"
            type="link"
            danger
            icon={<CloseOutlined />}
            onClick={() => props.onDismiss(found.field)}
            data-testid={`dismiss-${field}`}
          >
            {t('indexing.dismiss')}
          </Button>
        </Tooltip>
      </div>
    );
  };

  const field = (name: RecordField, control: React.ReactNode, extra?: React.ReactNode) => (
    <Form.Item name={name} label={t(`indexing.fields.${name}`)} extra={extra ?? suggestion(name)}>
      {control}
    </Form.Item>
  );
  const focus = (name: RecordField) => ({
    onFocus: () => props.onFocusField(name),
    'data-testid': `field-${name}`,
  });
  const date = (name: RecordField) =>
    field(name, <Input placeholder="dd/mm/yyyy" maxLength={10} {...focus(name)} />);

  /** A text or date field: an input, its suggestion under it. */
  const plain = (name: RecordField) =>
    DATE_FIELDS.includes(name)
      ? date(name)
      : field(name, <Input maxLength={maxLengthOf(name)} {...focus(name)} />);
  /** The fields whose control is not a plain input (the rest take `plain`). */
  const CONTROLS: Partial<Record<RecordField, (name: RecordField) => React.ReactNode>> = {
    resultType: (name) =>
      field(
        name,
        <Select
          {...focus(name)}
          options={RESULT_TYPES.map((type) => ({ value: type, label: t(`indexing.resultTypes.${type}`) }))}
        />,
      ),
    ownerKind: (name) => (
      <Form.Item name={name} label={t('indexing.fields.ownerKind')} initialValue="person">
        <Radio.Group
          options={[
            { value: 'person', label: t('indexing.person') },
            { value: 'organisation', label: t('indexing.organisation') },
          ]}
        />
      </Form.Item>
    ),
    // Which document the number is from, beside it: one row, a foreign worker's passport as
    // near as a personal ID (the kind is drawn here, not in its own row).
    ownerIdKind: () => null,
    ownerIdNumber: (name) => (
      <Form.Item
        label={t(ownerIdLabelKey({ ownerIdKind: idKind }))}
        extra={suggestion(name)}
        required={false}
      >
        <Space.Compact block>
          <Form.Item name="ownerIdKind" noStyle initialValue="personal">
            <Select
              style={{ width: 140 }}
              data-testid="field-ownerIdKind"
              aria-label={t('indexing.fields.ownerIdKind')}
              options={(['personal', 'passport'] as const).map((kind) => ({
                value: kind,
                label: t(`indexing.idKinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item name={name} noStyle>
            <Input maxLength={maxLengthOf(name)} {...focus(name)} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
    ),
    expiryDate: (name) =>
      field(
        name,
        <Input placeholder="dd/mm/yyyy" maxLength={10} {...focus(name)} />,
        <>
          {suggestion(name)}
          {values?.expiryDate || values?.indefinite || readExpiry ? null : (
            <UsualTermSuggestion
              procedure={procedure}
              effectiveDate={effectiveDate}
              onAccept={(date) => props.form.setFieldValue(name, displayDate(date))}
            />
          )}
        </>,
      ),
    indefinite: (name) => (
      <Form.Item name={name} valuePropName="checked">
        <Checkbox>{t('indexing.fields.indefinite')}</Checkbox>
      </Form.Item>
    ),
    procedureCode: (name) =>
      field(
        name,
        <Select
          showSearch
          allowClear
          {...focus(name)}
          // Not a code: a grey "1.000459" read as a chosen procedure (issue 20).
          placeholder={t('indexing.procedurePlaceholder')}
          options={props.procedures.map((each) => ({
            value: each.code,
            label: `${each.code} — ${each.name}`,
          }))}
          filterOption={(input, option) => foldText(String(option?.label ?? '')).includes(foldText(input))}
          onChange={(code: string | undefined) => props.onProcedure(code)}
        />,
      ),
  };
  /** A person's fields only for a person; a nationality only with a passport. */
  const shown = (name: RecordField) =>
    !(ownerKind === 'organisation' && PERSON_FIELDS.includes(name)) &&
    !(name === 'ownerNationality' && idKind !== 'passport');

  return (
    <Form
      form={props.form}
      initialValues={props.initialValues}
      layout="vertical"
      disabled={props.disabled}
      className="indexing-form"
      requiredMark={false}
    >
      {FORM_FIELDS.filter(shown).map((name) => (
        <Fragment key={name}>{(CONTROLS[name] ?? plain)(name)}</Fragment>
      ))}
      <Form.Item name="departmentCode" label={t('scan.department')}>
        <DepartmentSelect />
      </Form.Item>
    </Form>
  );
}
