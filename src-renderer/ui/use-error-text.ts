import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../src-shared/errors/app-error';

/** The sentence a person reads for any failure; the code and detail go to the console. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof AppError) {
        if (error.detail) console.warn(error.code, error.detail);
        const text = t(error.messageKey, error.params ?? {});
        const remaining = error.params?.remaining;
        return remaining !== undefined ? `${text} ${t('auth.attemptsRemaining', { remaining })}` : text;
      }
      console.error(error);
      return t('errors.internal');
    },
    [t],
  );
}
