import type { ListProblem } from './prepared-record';

/** A list problem in the user's words: `sheets.problemLine` with its reason and field label. */
export function listProblemText(
  t: (key: string, params?: Record<string, unknown>) => string,
  problem: ListProblem,
) {
  const field = problem.field ? t(`indexing.fields.${problem.field}`) : t('sheets.aField');
  return t('sheets.problemLine', {
    line: problem.line,
    problem: t(`sheets.listProblems.${problem.problem}`, { field }),
  });
}
