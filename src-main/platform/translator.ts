import { createInstance, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, resources, type Language } from '../../src-shared/i18n/resources';

/** Main's own words (CLI output, hot-folder reason files) from the same message files as the UI. */
export async function createTranslator(language: Language = DEFAULT_LANGUAGE): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}
