import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../src-shared/i18n/resources';
import { setLanguage } from './i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('app.language')}
      value={i18n.language as Language}
      onChange={(language) => void setLanguage(language)}
      options={[
        { label: 'Tiếng Việt', value: 'vi' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
