import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleError } from './console-api';

/** The sentence the administrator reads for a failed call; the technical detail goes to the browser's console. */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      console.warn(error);
      const problem = error instanceof ConsoleError ? error.problem : 'unexpected';
      return t(`console.problems.${problem}`);
    },
    [t],
  );
}
