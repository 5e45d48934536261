import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../src-shared/domain/account';
import { ROLES, type Role } from '../../../src-shared/domain/roles';
import { useSession } from '../../session/session-context';
import { afterMainChange } from '../../audit/drain-journal';
import { station } from '../../station/station';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal, type NewUserValues } from './UserFormModal';

/** Admin only: the station's accounts, their roles, lockouts and passwords. */
export function UsersScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { session } = useSession();
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AccountSummary | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(
    () =>
      station.users
        .list({})
        .then(setAccounts, (error: unknown) => void message.error(errorText(error)))
        .finally(() => setLoading(false)),
    [message, errorText],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (action: () => Promise<unknown>, success?: string) => {
    setBusy(true);
    try {
      await action();
      if (success) void message.success(success);
      await reload();
      return true;
    } catch (error) {
      void message.error(errorText(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const create = async (values: NewUserValues) => {
    if (
      await run(
        async () => {
          await station.users.create(values);
          await afterMainChange();
        },
        t('users.created', { username: values.username }),
      )
    )
      setCreating(false);
  };

  const reset = async (newPassword: string) => {
    if (!resetting) return;
    const { id, username } = resetting;
    if (
      await run(
        async () => {
          await station.users.resetPassword({ userId: id, newPassword });
          await afterMainChange();
        },
        t('users.passwordReset', { username }),
      )
    ) {
      setResetting(null);
    }
  };

  const state = (account: AccountSummary) => {
    if (account.disabled) return <Tag color="default">{t('users.disabled')}</Tag>;
    if (account.lockedUntil && account.lockedUntil > Date.now()) {
      return <Tag color="orange">{t('users.locked', { time: formatDateTime(account.lockedUntil) })}</Tag>;
    }
    return <Tag color="green">{t('users.active')}</Tag>;
  };

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="users-add"
        >
          {t('users.add')}
        </Button>
      }
    >
      <Table<AccountSummary>
        rowKey="id"
        loading={loading}
        dataSource={accounts}
        pagination={false}
        data-testid="users-table"
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.roles'),
            render: (_value, account) => (
              <Select<Role[]>
                mode="multiple"
                size="small"
                style={{ minWidth: 260 }}
                aria-label={t('users.editRoles')}
                value={account.roles}
                disabled={busy}
                options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                onChange={(roles) =>
                  roles.length > 0 &&
                  void run(async () => {
                    await station.users.update({ userId: account.id, roles });
                    await afterMainChange();
                  })
                }
              />
            ),
          },
          { title: t('users.state'), render: (_value, account) => state(account) },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (value: number | null) => (value ? formatDateTime(value) : t('common.never')),
          },
          {
            title: t('common.actions'),
            render: (_value, account) => (
              <Space>
                <Button size="small" onClick={() => setResetting(account)}>
                  {t('users.resetPassword')}
                </Button>
                <Button
                  size="small"
                  danger={!account.disabled}
                  disabled={account.id === session?.userId}
                  onClick={() =>
                    void run(async () => {
                      await station.users.update({ userId: account.id, disabled: !account.disabled });
                      await afterMainChange();
                    })
                  }
                >
                  {account.disabled ? t('users.enable') : t('users.disable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <UserFormModal
        open={creating}
        busy={busy}
        onCancel={() => setCreating(false)}
        onSubmit={(values) => void create(values)}
      />
      <ResetPasswordModal
        username={resetting?.username ?? null}
        busy={busy}
        onCancel={() => setResetting(null)}
        onSubmit={(password) => void reset(password)}
      />
    </Card>
  );
}
