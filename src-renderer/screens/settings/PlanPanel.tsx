import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDate, parseDisplayDate } from '../../../src-shared/indexing/vietnamese-dates';
import { useStationSettings } from '../../settings/station-settings-context';
import { useErrorText } from '../../ui/use-error-text';

interface PlanValues {
  milestones: { date: string; percent: number }[];
  expiringDays: number;
}

/** The plan's milestones (the share of still-valid results digitized by each date) and the expiring horizon. */
export function PlanPanel(props: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings, save } = useStationSettings();
  const [form] = Form.useForm<PlanValues>();
  if (!settings) return null;
  const initialValues: PlanValues = {
    milestones: settings.plan.milestones.map((milestone) => ({
      date: displayDate(milestone.date),
      percent: Math.round(milestone.share * 100),
    })),
    expiringDays: settings.plan.expiringDays,
  };
  const submit = async (values: PlanValues) => {
    const milestones = values.milestones.map((milestone) => ({
      date: parseDisplayDate(milestone.date),
      share: milestone.percent / 100,
    }));
    const bad = milestones.findIndex((milestone) => !milestone.date);
    if (bad >= 0) {
      form.setFields([{ name: ['milestones', bad, 'date'], errors: [t('indexing.problems.date')] }]);
      return;
    }
    try {
      await save({
        plan: {
          milestones: milestones.map((milestone) => ({ date: milestone.date!, share: milestone.share })),
          expiringDays: values.expiringDays,
        },
      });
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card title={t('settings.plan.title')} data-testid="plan-panel">
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={!props.editable}
        onFinish={(values) => void submit(values)}
      >
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true }]}>
                    <Input placeholder="31/12/2025" style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'percent']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} addonAfter="%" />
                  </Form.Item>
                  {props.editable ? <MinusCircleOutlined onClick={() => remove(field.name)} /> : null}
                </Space>
              ))}
              {props.editable ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: '', percent: 100 })}>
                  {t('settings.plan.add')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Form.Item name="expiringDays" label={t('settings.plan.expiringDays')} style={{ marginTop: 12 }}>
          <InputNumber min={1} max={365} addonAfter={t('settings.central.days')} />
        </Form.Item>
        {props.editable ? <Button htmlType="submit">{t('common.save')}</Button> : null}
      </Form>
    </Card>
  );
}
