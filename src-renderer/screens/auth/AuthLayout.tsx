import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../src-web/LanguageSwitch';

/** The centred card of the login and first-run screens. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <Card className="auth-card">
        <div className="auth-brand">
          <img src="./icon.svg" alt="" width={48} height={48} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={4} data-testid="auth-title">
          {title}
        </Typography.Title>
        {children}
        <div className="auth-language">
          <LanguageSwitch />
        </div>
      </Card>
    </div>
  );
}
