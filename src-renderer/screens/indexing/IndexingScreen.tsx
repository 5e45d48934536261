import { CopyOutlined, SaveOutlined, StepForwardOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  checkRecordFields,
  DATE_FIELDS,
  PERSON_FIELDS,
  RECORD_FIELDS,
  type RecordField,
  type RecordFields,
} from '../../../src-shared/domain/record-fields';
import { AppError } from '../../../src-shared/errors/app-error';
import { catalogueConflict, catalogueFill, usualExpiry } from '../../../src-shared/indexing/catalogue-fill';
import type { SuggestedField } from '../../../src-shared/indexing/field-suggestions';
import { parseDisplayDate, displayDate } from '../../../src-shared/indexing/vietnamese-dates';
import { db } from '../../db/database';
import type { RecordRow } from '../../db/rows';
import { useProcedures } from '../../catalogue/use-procedures';
import { useRecordOcr } from '../../indexing/record-suggestions';
import { useSession } from '../../session/session-context';
import { readCurrentRecordId } from '../../capture/capture-runs';
import { retryOcr } from '../../ocr/ocr-runner';
import { dismissSuggestion } from '../../indexing/dismiss-suggestion';
import { useKeepDraft } from '../../indexing/use-keep-draft';
import { findDuplicate, saveIndexedRecord } from '../../indexing/save-indexed-record';
import { useStationSettings } from '../../settings/station-settings-context';
import { useErrorText } from '../../ui/use-error-text';
import { MoreDocumentsAlert } from './MoreDocumentsAlert';
import { PagePicker } from './PagePicker';
import { PageViewer } from './PageViewer';
import { RecordForm, suggestionText, type FormValues } from './RecordForm';
import { Form } from 'antd';
import { ownerOfRecord } from '../../db/record-owner';

/** Records waiting for their index (captured), then those indexed but not yet finalized. */
const useIndexingQueue = () =>
  useLiveQuery(async () =>
    (await db.records.where('status').anyOf(['captured', 'indexed']).toArray()).sort((a, b) =>
      a.status === b.status ? a.createdAt - b.createdAt : a.status === 'captured' ? -1 : 1,
    ),
  ) ?? [];

const toFormValues = (record: RecordRow): Partial<FormValues> => {
  const fields = record.fields as RecordFields;
  const values: Partial<FormValues> & { departmentCode?: string } = {
    ...fields,
    departmentCode: record.departmentCode,
  };
  for (const field of DATE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') values[field] = displayDate(value);
  }
  return values;
};

/** The form's values as record fields, and the dates the clerk typed wrong. */
function toRecordFields(values: Partial<FormValues>): { fields: RecordFields; badDates: RecordField[] } {
  const fields: Record<string, unknown> = {};
  const badDates: RecordField[] = [];
  const organisation = values.ownerKind === 'organisation';
  const foreigner = !organisation && values.ownerIdKind === 'passport';
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || key === 'departmentCode') continue;
    if (organisation && PERSON_FIELDS.includes(key as RecordField)) continue;
    // A personal ID is the default, not stored; a nationality only with a passport.
    if (key === 'ownerIdKind' && value === 'personal') continue;
    if (key === 'ownerNationality' && !foreigner) continue;
    if (DATE_FIELDS.includes(key as RecordField)) {
      const iso = parseDisplayDate(String(value));
      if (!iso) badDates.push(key as RecordField);
      else fields[key] = iso;
    } else fields[key] = typeof value === 'string' ? value.trim() : value;
  }
  return { fields: fields as RecordFields, badDates };
}

/** Of these fields, the one highest on the screen (the form's layout, not the schema's order). */
function firstOnScreen(fields: RecordField[]): RecordField | undefined {
  const placed = fields.flatMap((name) => {
    const element = document.querySelector(`[data-testid="field-${name}"]`);
    return element ? [{ name, element }] : [];
  });
  placed.sort((a, b) =>
    a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  return placed[0]?.name ?? fields[0];
}

/**
 * One record being indexed: its pages on the left with what a suggestion was read from
 * highlighted, the form on the right. Keyboard first: Enter goes to the next field,
 * Alt+A accepts every suggestion, Ctrl+Enter saves, Alt+N goes to the next record.
 * Mounted afresh for each record, so nothing of the previous one lingers.
 */
export function RecordWorkspace(props: { record: RecordRow; onNext: () => void }) {
  const { record, onNext: next } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings } = useStationSettings();
  const { session } = useSession();
  const { procedures } = useProcedures();
  const ocr = useRecordOcr(record.id, procedures, settings?.dossierCodePattern);
  const [form] = Form.useForm<FormValues>();
  const [pageId, setPageId] = useState<string | null>(null);
  const [focused, setFocused] = useState<RecordField | null>(null);
  const [duplicate, setDuplicate] = useState<RecordRow | null>(null);
  const [saving, setSaving] = useState(false);
  // The draft the clerk left, if any (typed and accepted, not yet saved), else the record.
  const [initialValues] = useState(
    () => (record.draft?.values as Partial<FormValues>) ?? toFormValues(record),
  );
  const { saved: draftSaved } = useKeepDraft(record.id, form, initialValues);
  const corrected = useLiveQuery(
    () => (record.supersedes ? db.records.get(record.supersedes) : undefined),
    [record.supersedes],
  );

  const failedPages = ocr?.pages.filter((page) => page.ocrStatus === 'failed') ?? [];
  const failedReasons = failedPages
    .map((page) => {
      const error = ocr?.texts.get(page.id)?.error;
      return `${t('scan.page', { number: page.index + 1 })}: ${error ? errorText(AppError.fromData(error)) : ''}`;
    })
    .join(' · ');
  const suggestion = focused ? ocr?.suggestions.get(focused as SuggestedField) : undefined;
  const shownPage = ocr?.pages.find((page) => page.id === (suggestion?.pageId ?? pageId)) ?? ocr?.pages[0];

  const procedureOf = useCallback(
    (code: unknown) => procedures.find((procedure) => procedure.code === code),
    [procedures],
  );
  /** The procedure says what its result is, who handles it and whether it ends, unless the form says so. */
  const fillFromCatalogue = useCallback(
    (code: string | undefined) => {
      const procedure = procedureOf(code);
      if (procedure) form.setFieldsValue(catalogueFill(procedure, form.getFieldsValue(true)));
    },
    [procedureOf, form],
  );
  const accept = useCallback(
    (field: SuggestedField) => {
      const found = ocr?.suggestions.get(field);
      if (!found) return;
      form.setFieldValue(field, suggestionText(field, found.value));
      if (field === 'ownerName' && found.ownerKind) form.setFieldValue('ownerKind', found.ownerKind);
      if (field === 'ownerIdNumber') form.setFieldValue('ownerIdKind', found.idKind ?? 'personal');
      if (field === 'procedureCode') fillFromCatalogue(found.value);
    },
    [ocr, form, fillFromCatalogue],
  );
  const dismiss = useCallback(
    (field: SuggestedField) => {
      const found = ocr?.suggestions.get(field);
      if (found)
        dismissSuggestion(record.id, field, found.value).catch(
          (error: unknown) => void message.error(errorText(error)),
        );
    },
    [ocr, record.id, message, errorText],
  );
  const acceptAll = useCallback(() => {
    // The procedure first: what the catalogue says of it decides which suggestions contradict
    // it; then the owner, whose kind decides whether a person's ID and birth date belong.
    // The end date last, weighed against the effective date accepted before it.
    const rank = (field: SuggestedField) =>
      field === 'procedureCode' ? 0 : field === 'ownerName' ? 1 : field === 'expiryDate' ? 3 : 2;
    const fields = [...(ocr?.suggestions.keys() ?? [])].sort((a, b) => rank(a) - rank(b));
    const effectiveDate = () =>
      parseDisplayDate(String(form.getFieldValue('effectiveDate') ?? '')) ?? undefined;
    for (const field of fields) {
      const found = ocr?.suggestions.get(field);
      // A further document's value is never the record's without the clerk's say.
      if (!found || found.otherDocument) continue;
      // What the form holds is the clerk's (typed, chosen or accepted one by one): kept.
      const held: unknown = form.getFieldValue(field);
      if (held !== undefined && held !== '' && held !== null) continue;
      if (PERSON_FIELDS.includes(field) && form.getFieldValue('ownerKind') === 'organisation') continue;
      // An enterprise's code on a person's result is the employer's (a work permit's), not theirs.
      if (
        field === 'ownerTaxCode' &&
        found.ownerKind === 'organisation' &&
        form.getFieldValue('ownerKind') !== 'organisation'
      )
        continue;
      const procedure = procedureOf(form.getFieldValue('procedureCode'));
      const context = { value: found.value, effectiveDate: effectiveDate() };
      if (!catalogueConflict(field as RecordField, procedure, context)) accept(field);
    }
    // Nothing on the record's pages says when it ends: the catalogue's usual term does. (An
    // end date read and flagged is left to the clerk, not replaced by the catalogue's.)
    const read = ocr?.suggestions.get('expiryDate');
    const unread = !read || read.otherDocument;
    if (unread && !form.getFieldValue('expiryDate') && !form.getFieldValue('indefinite')) {
      const usual = usualExpiry(procedureOf(form.getFieldValue('procedureCode')), effectiveDate());
      if (usual) form.setFieldValue('expiryDate', displayDate(usual));
    }
  }, [ocr, accept, procedureOf, form]);

  const save = useCallback(async () => {
    if (!settings) return;
    const values = form.getFieldsValue(true) as Partial<FormValues> & { departmentCode?: string };
    const { fields, badDates } = toRecordFields(values);
    // Last attempt's messages go; this attempt's come below.
    form.setFields(RECORD_FIELDS.map((name) => ({ name, errors: [] })));
    // Every problem at once, each beside its field (one field may have several: an ID number
    // in the wrong province and year); a date that is not one says only that.
    const errors = new Map<RecordField, string[]>();
    const add = (field: RecordField, text: string) => errors.set(field, [...(errors.get(field) ?? []), text]);
    for (const field of badDates) add(field, t('indexing.problems.date'));
    for (const { field, problem } of checkRecordFields(fields)) {
      if (!badDates.includes(field)) add(field, t(`indexing.problems.${problem}`));
    }
    if (errors.size > 0) {
      form.setFields([...errors].map(([name, messages]) => ({ name, errors: messages })));
      const first = firstOnScreen([...errors.keys()]);
      if (first) {
        form.scrollToField(first, { block: 'center' });
        form.focusField(first);
      }
      return;
    }
    const twin = await findDuplicate(record.id, fields);
    if (twin && duplicate?.id !== twin.id) {
      setDuplicate(twin);
      return;
    }
    setSaving(true);
    try {
      if (values.departmentCode !== record.departmentCode) {
        await db.records.update(record.id, { departmentCode: values.departmentCode });
      }
      const code = await saveIndexedRecord(record.id, fields, settings);
      draftSaved();
      void message.success(t('indexing.saved', { code }));
      setDuplicate(null);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }, [record, settings, form, duplicate, message, t, errorText, draftSaved]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'a') acceptAll();
      else if (event.altKey && event.key.toLowerCase() === 'n') next();
      else if (event.ctrlKey && event.key === 'Enter') void save();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [acceptAll, next, save]);

  const copyCode = () => {
    if (!record?.code) return;
    void navigator.clipboard?.writeText(record.code).then(() => message.success(t('indexing.copied')));
  };

  return (
    <>
      <Card size="small" className="indexing-page-card">
        <PageViewer
          page={shownPage}
          text={shownPage ? ocr?.texts.get(shownPage.id) : undefined}
          span={suggestion && suggestion.pageId === shownPage?.id ? suggestion.span : null}
          region={suggestion && suggestion.pageId === shownPage?.id ? (suggestion.region ?? null) : null}
          tools={
            <PagePicker
              pages={ocr?.pages ?? []}
              shownId={shownPage?.id}
              onPick={(id) => {
                setFocused(null);
                setPageId(id);
              }}
            />
          }
        />
      </Card>
      <Card
        size="small"
        className="indexing-form-card"
        title={
          record?.code ? (
            <Space>
              <Typography.Text strong data-testid="record-code">
                {record.code}
              </Typography.Text>
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={copyCode}
                aria-label={t('indexing.copy')}
              />
            </Space>
          ) : (
            t('indexing.form')
          )
        }
        extra={
          ocr?.pending ? (
            <Badge
              status="processing"
              text={t('indexing.ocrRunning', { count: ocr.pending })}
              data-testid="ocr-running"
            />
          ) : failedPages.length > 0 ? (
            <Tooltip title={failedReasons}>
              <Button size="small" danger onClick={() => void retryOcr(failedPages)} data-testid="ocr-retry">
                {t('indexing.ocrFailed', { count: failedPages.length })}
              </Button>
            </Tooltip>
          ) : null
        }
      >
        {
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Tooltip title={t('indexing.acceptAllHint')}>
                <Button
                  icon={<ThunderboltOutlined />}
                  onClick={acceptAll}
                  disabled={!ocr?.suggestions.size}
                  data-testid="accept-all"
                >
                  {t('indexing.acceptAll')}
                </Button>
              </Tooltip>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                onClick={() => void save()}
                data-testid="indexing-save"
              >
                {duplicate ? t('indexing.saveAnyway') : t('indexing.save')}
              </Button>
              {/* An icon beside the two actions, so the row stays one line on a laptop. */}
              <Tooltip title={t('indexing.nextHint')}>
                <Button
                  icon={<StepForwardOutlined />}
                  onClick={next}
                  aria-label={t('indexing.next')}
                  data-testid="indexing-next"
                />
              </Tooltip>
            </Space>
            <MoreDocumentsAlert
              starts={ocr?.documentStarts ?? []}
              userId={session?.userId ?? record.createdBy}
            />
            {corrected ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="correction-of"
                title={t('indexing.correctionOf', { code: corrected.code ?? '' })}
              />
            ) : null}
            {duplicate ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="duplicate-warning"
                title={t('indexing.duplicate', { code: duplicate.code ?? duplicate.documentNumber ?? '' })}
              />
            ) : null}
            <div
              onKeyDown={(event) => {
                // Enter moves on, as Tab does; Ctrl+Enter saves (above).
                if (event.key !== 'Enter' || event.ctrlKey || !(event.target instanceof HTMLInputElement))
                  return;
                event.preventDefault();
                const inputs = [
                  ...event.currentTarget.querySelectorAll<HTMLInputElement>(
                    'input:not([type=radio]):not([type=checkbox])',
                  ),
                ];
                inputs[inputs.indexOf(event.target) + 1]?.focus();
              }}
            >
              <RecordForm
                form={form}
                initialValues={initialValues}
                procedures={procedures}
                suggestions={ocr?.suggestions ?? new Map()}
                disabled={saving}
                onFocusField={setFocused}
                onAccept={accept}
                onDismiss={dismiss}
                onProcedure={fillFromCatalogue}
              />
            </div>
            <Typography.Text type="secondary">{t('indexing.shortcuts')}</Typography.Text>
          </>
        }
      </Card>
    </>
  );
}

/** Indexing: the queue of records, and the one being indexed. */
export function IndexingScreen() {
  const { t } = useTranslation();
  const queue = useIndexingQueue();
  // Another screen may send the clerk to one record (a correction just started).
  const [params] = useSearchParams();
  const [chosenId, setChosenId] = useState<string | null>(params.get('record'));
  // Else the record the clerk was just scanning, else the first waiting; then it stays chosen,
  // so saving does not swap the record under the clerk's eyes.
  const [current, setCurrent] = useState<string | null | undefined>(undefined);
  useEffect(() => void readCurrentRecordId().then(setCurrent), []);
  const record =
    queue.find((each) => each.id === (chosenId ?? current)) ?? (current === undefined ? undefined : queue[0]);
  // Pinned during render (React's "adjust state while rendering"), before any effect runs.
  if (!chosenId && record) setChosenId(record.id);

  const next = () => {
    // The next record still to index after this one, from the top again past the last.
    const index = queue.findIndex((each) => each.id === record?.id);
    const others = [...queue.slice(index + 1), ...queue.slice(0, Math.max(0, index))];
    const following = others.find((each) => each.status === 'captured') ?? others[0];
    if (following) setChosenId(following.id);
  };

  return (
    <div className="indexing-layout indexing-screen">
      <Card size="small" title={t('indexing.queue')} className="record-list">
        <List
          size="small"
          locale={{ emptyText: <Empty description={t('indexing.nothing')} /> }}
          dataSource={queue}
          data-testid="indexing-queue"
          renderItem={(item, position) => (
            <List.Item
              className={item.id === record?.id ? 'record-item record-item-current' : 'record-item'}
              onClick={() => setChosenId(item.id)}
              data-testid="indexing-item"
            >
              <List.Item.Meta
                title={`${position + 1}. ${ownerOfRecord(item) ?? item.captureLabel ?? t('indexing.untitled')}`}
                description={
                  item.code ? <Tag color="green">{item.code}</Tag> : <Tag>{t(`status.${item.status}`)}</Tag>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {record ? <RecordWorkspace key={record.id} record={record} onNext={next} /> : null}
    </div>
  );
}
