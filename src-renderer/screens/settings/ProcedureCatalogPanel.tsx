import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_CODE_PATTERN } from '../../../src-shared/domain/procedure-code';
import type { CsvProblem, Procedure } from '../../../src-shared/domain/procedure-catalogue';
import { RESULT_TYPES } from '../../../src-shared/domain/record-fields';
import { useProcedures } from '../../catalogue/use-procedures';
import { afterMainChange } from '../../audit/drain-journal';
import { station } from '../../station/station';
import { DepartmentSelect } from '../../ui/DepartmentSelect';
import { IconAction } from '../../ui/IconAction';
import { useErrorText } from '../../ui/use-error-text';

type Editing = { procedure: Partial<Procedure>; previousCode?: string } | null;

/** The procedure catalogue: everyone reads it; the administrator edits it or imports a CSV. */
export function ProcedureCatalogPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { procedures, reload } = useProcedures();
  const [editing, setEditing] = useState<Editing>(null);
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [form] = Form.useForm<Procedure>();
  const fileInput = useRef<HTMLInputElement>(null);

  const save = async (values: Procedure) => {
    try {
      await station.procedures.save({
        procedure: {
          ...values,
          departmentCode: values.departmentCode ?? '',
          validityMonths: values.validityMonths ?? null,
        },
        previousCode: editing?.previousCode,
      });
      await afterMainChange();
      setEditing(null);
      await reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const importCsv = async (file: File) => {
    try {
      const result = await station.procedures.importCsv({ csv: await file.text() });
      await afterMainChange();
      setProblems(result.problems);
      void message.success(t('catalogue.imported', { count: result.imported }));
      await reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={t('catalogue.title')}
      data-testid="procedure-catalogue"
      extra={
        editable ? (
          <Space>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setEditing({ procedure: { resultType: 'decision' } })}
            >
              {t('catalogue.add')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => fileInput.current?.click()}>
              {t('catalogue.importCsv')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".csv,text/csv"
              data-testid="catalogue-import"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importCsv(file);
              }}
            />
          </Space>
        ) : null
      }
    >
      <Alert type="info" showIcon title={t('catalogue.checkCodes')} style={{ marginBottom: 12 }} />
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={problems.map(({ line, message }) => t('catalogue.badLine', { line, message })).join(' · ')}
        />
      ) : null}
      <Table<Procedure>
        rowKey="code"
        size="small"
        dataSource={procedures}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('catalogue.code'), dataIndex: 'code', width: 100 },
          { title: t('catalogue.name'), dataIndex: 'name' },
          { title: t('scan.department'), dataIndex: 'departmentCode', width: 90 },
          {
            title: t('indexing.fields.resultType'),
            dataIndex: 'resultType',
            render: (type: Procedure['resultType']) => t(`indexing.resultTypes.${type}`),
          },
          {
            title: t('catalogue.validity'),
            dataIndex: 'validityMonths',
            render: (months: number | null) =>
              months ? t('catalogue.months', { count: months }) : t('catalogue.indefinite'),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  width: 90,
                  render: (_: unknown, procedure: Procedure) => (
                    <Space size={0}>
                      <IconAction
                        title={t('catalogue.edit')}
                        icon={<EditOutlined />}
                        onClick={() => setEditing({ procedure, previousCode: procedure.code })}
                      />
                      <Popconfirm
                        title={t('catalogue.deleteConfirm', { code: procedure.code })}
                        okText={t('common.yes')}
                        cancelText={t('common.no')}
                        onConfirm={() =>
                          void station.procedures
                            .delete({ code: procedure.code })
                            .then(afterMainChange)
                            .then(reload)
                        }
                      >
                        <IconAction title={t('catalogue.delete')} danger icon={<DeleteOutlined />} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.previousCode ? t('catalogue.edit') : t('catalogue.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={editing?.procedure}
          onFinish={(values) => void save(values)}
        >
          <Form.Item
            name="code"
            label={t('catalogue.code')}
            rules={[
              { required: true, pattern: PROCEDURE_CODE_PATTERN, message: t('scan.procedureCodeRule') },
            ]}
          >
            <Input placeholder="1.000459" maxLength={8} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('catalogue.name')}
            rules={[{ required: true, min: 3, whitespace: true }]}
          >
            <Input.TextArea autoSize maxLength={300} />
          </Form.Item>
          <Form.Item name="departmentCode" label={t('scan.department')}>
            <DepartmentSelect />
          </Form.Item>
          <Form.Item name="resultType" label={t('indexing.fields.resultType')} rules={[{ required: true }]}>
            <Select
              options={RESULT_TYPES.map((type) => ({
                value: type,
                label: t(`indexing.resultTypes.${type}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="validityMonths"
            label={t('catalogue.validity')}
            extra={t('catalogue.validityHelp')}
          >
            <InputNumber min={1} max={1200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
