import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../src-shared/domain/procedure-catalogue';
import { displayDate, parseDisplayDate } from '../../../src-shared/indexing/vietnamese-dates';
import { latestInventory } from '../../../src-shared/stats/progress';
import { uploadFile } from '../../capture/import-upload';
import { db } from '../../db/database';
import type { InventoryRow } from '../../db/rows';
import { addInventoryCounts } from '../../stats/inventory-store';
import { station } from '../../station/station';
import { DepartmentSelect } from '../../ui/DepartmentSelect';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';
import { vietnamDay } from '../../../src-shared/domain/vietnam-day';

interface CountValues {
  departmentCode: string;
  procedureCode: string;
  count: number;
  countedAt: string;
  note?: string;
}

/**
 * The inventory (kiểm đếm): how many still-valid paper results the office holds, per
 * department and procedure, entered by hand or imported from the Office's XLSX or CSV; each
 * count dated and signed with who entered it. The latest count of a pair is the denominator.
 */
export function InventoryPanel(props: { procedures: readonly Procedure[]; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<CountValues>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<{ line: number; message: string }[]>([]);
  const rows = useLiveQuery(() => db.inventory.toArray()) ?? [];
  const latest = latestInventory(rows) as InventoryRow[];

  const add = async (values: CountValues) => {
    const countedAt = parseDisplayDate(values.countedAt);
    if (!countedAt) {
      form.setFields([{ name: 'countedAt', errors: [t('indexing.problems.date')] }]);
      return;
    }
    await addInventoryCounts([{ ...values, countedAt, note: values.note ?? '' }]);
    form.resetFields(['count', 'note']);
    void message.success(t('stats.inventory.saved'));
  };
  const importFile = async (file: File) => {
    try {
      const result = await station.inventory.read({
        uploadId: await uploadFile(file, file.name),
        today: vietnamDay(),
      });
      setProblems(result.problems);
      if (result.counts.length > 0) await addInventoryCounts(result.counts);
      void message.success(t('stats.inventory.imported', { count: result.counts.length }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card size="small" title={t('stats.inventory.title')} data-testid="inventory-panel">
      <Typography.Paragraph type="secondary">{t('stats.inventory.hint')}</Typography.Paragraph>
      {props.editable ? (
        <>
          <Form
            form={form}
            layout="inline"
            initialValues={{ countedAt: displayDate(vietnamDay()) }}
            onFinish={(values) => void add(values)}
            style={{ rowGap: 8, marginBottom: 12 }}
          >
            <Form.Item
              name="departmentCode"
              rules={[{ required: true, message: t('stats.inventory.required') }]}
            >
              <DepartmentSelect
                style={{ width: 200 }}
                placeholder={t('scan.department')}
                data-testid="inventory-department"
              />
            </Form.Item>
            <Form.Item
              name="procedureCode"
              rules={[{ required: true, message: t('stats.inventory.required') }]}
            >
              <Select
                showSearch
                style={{ width: 260 }}
                placeholder={t('indexing.fields.procedureCode')}
                data-testid="inventory-procedure"
                optionFilterProp="label"
                options={props.procedures.map((procedure) => ({
                  value: procedure.code,
                  label: `${procedure.code} — ${procedure.name}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="count" rules={[{ required: true, message: t('stats.inventory.required') }]}>
              <InputNumber min={0} placeholder={t('stats.inventory.count')} data-testid="inventory-count" />
            </Form.Item>
            <Form.Item name="countedAt" rules={[{ required: true }]}>
              <Input placeholder="dd/mm/yyyy" style={{ width: 120 }} data-testid="inventory-date" />
            </Form.Item>
            <Form.Item name="note">
              <Input placeholder={t('stats.inventory.note')} style={{ width: 180 }} />
            </Form.Item>
            <Button htmlType="submit" type="primary" icon={<PlusOutlined />} data-testid="inventory-add">
              {t('stats.inventory.add')}
            </Button>
          </Form>
          <Space style={{ marginBottom: 12 }}>
            <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
              {t('stats.inventory.import')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".xlsx,.csv"
              data-testid="inventory-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void importFile(file);
                event.target.value = '';
              }}
            />
          </Space>
          {problems.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('stats.inventory.problems')}
              description={problems
                .map(
                  (problem) =>
                    `${t('stats.inventory.line', { line: problem.line })}: ${problem.message
                      .split(',')
                      .map((field) => t(`stats.inventory.fields.${field}`, { defaultValue: field }))
                      .join(', ')}`,
                )
                .join(' · ')}
            />
          ) : null}
        </>
      ) : null}
      <Table<InventoryRow>
        rowKey={(row) => `${row.departmentCode}|${row.procedureCode}`}
        size="small"
        pagination={false}
        dataSource={latest.sort((a, b) =>
          a.departmentCode + a.procedureCode < b.departmentCode + b.procedureCode ? -1 : 1,
        )}
        data-testid="inventory-table"
        locale={{ emptyText: t('stats.inventory.none') }}
        columns={[
          { title: t('scan.department'), dataIndex: 'departmentCode' },
          { title: t('indexing.fields.procedureCode'), dataIndex: 'procedureCode' },
          { title: t('stats.inventory.count'), dataIndex: 'count', align: 'right' },
          {
            title: t('stats.inventory.countedAt'),
            dataIndex: 'countedAt',
            render: (date: string) => displayDate(date),
          },
          {
            title: t('stats.inventory.enteredBy'),
            render: (_, row) => `${row.enteredByName} · ${formatDateTime(row.enteredAt)}`,
          },
        ]}
      />
    </Card>
  );
}
