import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { stationSchema, StationScope } from '../../src-shared/central/central-api';
import type { z } from 'zod';
import { useConsoleApi } from '../api/admin-session';
import { useAction } from '../api/use-action';
import { DepartmentsField, ReadScopeField } from './DepartmentsField';

type Station = z.infer<typeof stationSchema>;

/** A station's departments and read scope, changed by Central's administrator (journaled by Central). */
export function StationScopeDialog(props: {
  station: Station | null;
  departmentOptions: { value: string; label: string }[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<StationScope>();
  const { busy, run } = useAction();
  const { station } = props;

  const save = async (scope: StationScope) => {
    if (!station) return;
    await run(async () => {
      await api.call('setStationScope', { params: { stationId: station.stationId }, body: scope });
      void message.success(t('console.stations.scopeSaved', { number: station.stationNumber }));
      props.onClose(true);
    });
  };

  return (
    <Modal
      open={station !== null}
      title={station ? t('console.stations.scopeTitle', { number: station.stationNumber }) : ''}
      okText={t('common.save')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      {station ? (
        <Form<StationScope>
          form={form}
          layout="vertical"
          initialValues={{ departments: station.departments, readScope: station.readScope }}
          onFinish={(values) => void save(values)}
        >
          <DepartmentsField options={props.departmentOptions} />
          <ReadScopeField />
        </Form>
      ) : null}
    </Modal>
  );
}
