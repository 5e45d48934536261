import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../src-web/LanguageSwitch';
import { useAdminSession } from '../api/admin-session';
import { useProblemText } from '../api/use-problem-text';

/** Central's administrator signs in with the admin token (kept for this tab only). */
export function SignInScreen() {
  const { t } = useTranslation();
  const { signIn, ended } = useAdminSession();
  const problemText = useProblemText();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ token, name }: { token: string; name: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await signIn(token, name);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="console-sign-in">
      <Card style={{ width: 460 }}>
        <div className="console-brand" style={{ borderBottom: 'none', padding: 0, marginBottom: 16 }}>
          <img src="./icon.svg" alt="" width={40} height={40} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              SoHoa Central
            </Typography.Title>
            <Typography.Text type="secondary">{t('console.brand')}</Typography.Text>
          </div>
        </div>
        {ended === 'expired' ? (
          <Alert type="warning" showIcon title={t('console.signIn.expired')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form layout="vertical" onFinish={(values: { token: string; name: string }) => void submit(values)}>
          <Form.Item
            name="name"
            label={t('console.signIn.name')}
            extra={t('console.signIn.nameHint')}
            rules={[
              { required: true, whitespace: true, max: 200, message: t('console.signIn.nameRequired') },
            ]}
          >
            <Input autoFocus autoComplete="name" data-testid="admin-name" />
          </Form.Item>
          <Form.Item
            name="token"
            label={t('console.signIn.token')}
            extra={t('console.signIn.tokenHint')}
            rules={[{ required: true, message: t('console.signIn.tokenRequired') }]}
          >
            <Input.Password autoComplete="off" data-testid="admin-token" />
          </Form.Item>
          {problem ? (
            <Alert
              type="error"
              showIcon
              title={problem}
              style={{ marginBottom: 16 }}
              data-testid="sign-in-problem"
            />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            icon={<LoginOutlined />}
            loading={busy}
            block
            data-testid="sign-in"
          >
            {t('console.signIn.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'right' }}>
          <LanguageSwitch />
        </div>
      </Card>
    </div>
  );
}
