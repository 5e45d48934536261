import type { ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';

/** The look both web apps share: the station's screens and Central's console. */
export const THEME: ThemeConfig = { token: { colorPrimary: '#b71c1c', borderRadius: 6 } };

/** antd's own texts (pagination, pickers, empty tables) in the user's language. */
export const antdLocale = (language: string) => (language === 'en' ? enUS : viVN);
