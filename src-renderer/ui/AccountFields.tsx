import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  confirmRules,
  newPasswordRules,
  passphraseConfirmRules,
  passphraseRules,
  usernameRules,
} from './form-rules';

/** `data-testid` for the E2E tests, built from a per-form prefix. */
const testId = (prefix: string | undefined, field: string) => (prefix ? `${prefix}-${field}` : undefined);

export function DisplayNameField({
  testIdPrefix,
  autoFocus,
}: {
  testIdPrefix?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="displayName"
      label={t('auth.displayName')}
      rules={[{ required: true, whitespace: true, message: t('auth.displayNameRequired') }]}
    >
      <Input autoFocus={autoFocus} data-testid={testId(testIdPrefix, 'display-name')} />
    </Form.Item>
  );
}

export function UsernameField({ testIdPrefix }: { testIdPrefix?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="username"
      label={t('auth.username')}
      extra={t('auth.usernameRule')}
      rules={usernameRules(t)}
    >
      <Input autoComplete="off" data-testid={testId(testIdPrefix, 'username')} />
    </Form.Item>
  );
}

/** A new password and its repetition, checked by the policy main enforces. */
export function NewPasswordFields({
  name = 'password',
  label,
  testIdPrefix,
}: {
  name?: string;
  label?: string;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('auth.password')}
        extra={t('auth.passwordRule')}
        rules={newPasswordRules(t)}
      >
        <Input.Password autoComplete="new-password" data-testid={testId(testIdPrefix, 'password')} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={[name]}
        rules={confirmRules(t, name)}
      >
        <Input.Password autoComplete="new-password" data-testid={testId(testIdPrefix, 'confirm')} />
      </Form.Item>
    </>
  );
}

/** The backup's recovery passphrase and its repetition (first run, and the backup settings). */
export function RecoveryPassphraseFields({ testIdPrefix }: { testIdPrefix?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="passphrase"
        label={t('backup.passphrase')}
        extra={t('backup.passphraseHelp')}
        rules={passphraseRules(t)}
      >
        <Input.Password autoComplete="new-password" data-testid={testId(testIdPrefix, 'passphrase')} />
      </Form.Item>
      <Form.Item
        name="passphraseConfirm"
        label={t('backup.passphraseConfirm')}
        dependencies={['passphrase']}
        rules={passphraseConfirmRules(t, 'passphrase')}
      >
        <Input.Password
          autoComplete="new-password"
          data-testid={testId(testIdPrefix, 'passphrase-confirm')}
        />
      </Form.Item>
    </>
  );
}
