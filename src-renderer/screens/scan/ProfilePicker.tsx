import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { afterMainChange } from '../../audit/drain-journal';
import { station } from '../../station/station';
import { ProfileFormModal, type ProfileFormValues } from './ProfileFormModal';
import type { useCaptureProfiles } from './use-capture-profiles';
import type { ScanChoice } from './use-scan-devices';

const NONE = '';

/** Pick a capture profile; an admin saves the current settings as one, or deletes one. */
export function ProfilePicker(props: {
  profiles: ReturnType<typeof useCaptureProfiles>;
  choice: ScanChoice;
  disabled: boolean;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { profiles, selected, select, reload } = props.profiles;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const isAdmin = session?.roles.includes('admin') ?? false;

  const save = async (values: ProfileFormValues) => {
    const { deviceId, source, dpi, mode } = props.choice;
    if (!deviceId) return;
    setBusy(true);
    try {
      const saved = await station.profiles.save({
        name: values.name,
        blankPolicy: values.blankPolicy,
        departmentCode: values.departmentCode ?? '',
        procedureCode: values.procedureCode ?? '',
        box: values.box?.trim() ?? '',
        shelf: values.shelf?.trim() ?? '',
        deviceId,
        source,
        dpi,
        mode,
      });
      await afterMainChange();
      await reload();
      select(saved.id);
      setEditing(false);
      void message.success(t('scan.profileSaved', { name: saved.name }));
    } catch (error) {
      props.onError(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!selected) return;
    try {
      await station.profiles.delete({ id: selected.id });
      await afterMainChange();
      select(null);
      await reload();
    } catch (error) {
      props.onError(error);
    }
  };

  return (
    <Form layout="inline" disabled={props.disabled} style={{ marginBottom: 12 }}>
      <Form.Item label={t('scan.profile')}>
        <Space>
          <Select
            style={{ minWidth: 320 }}
            data-testid="scan-profile"
            value={selected?.id ?? NONE}
            onChange={(id) => select(id || null)}
            options={[
              { value: NONE, label: t('scan.noProfile') },
              ...profiles.map((profile) => ({ value: profile.id, label: profile.name })),
            ]}
          />
          {isAdmin ? (
            <>
              <Button
                icon={<SaveOutlined />}
                disabled={!props.choice.deviceId}
                onClick={() => setEditing(true)}
                data-testid="profile-save"
              >
                {t('scan.saveProfile')}
              </Button>
              {selected ? (
                <Popconfirm
                  title={t('scan.deleteProfileConfirm', { name: selected.name })}
                  okText={t('common.yes')}
                  cancelText={t('common.no')}
                  onConfirm={() => void remove()}
                >
                  <Button danger icon={<DeleteOutlined />} aria-label={t('scan.deleteProfile')} />
                </Popconfirm>
              ) : null}
            </>
          ) : null}
        </Space>
      </Form.Item>
      <ProfileFormModal
        open={editing}
        busy={busy}
        onCancel={() => setEditing(false)}
        onSubmit={(values) => void save(values)}
      />
    </Form>
  );
}
