/** Shared by the forms (instant feedback) and by main (the rule that counts). */
export const PASSWORD_MIN_LENGTH = 8;

export type PasswordProblem = 'tooShort' | 'needsLetter' | 'needsDigit';

export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (!/\p{L}/u.test(password)) problems.push('needsLetter');
  if (!/\p{Nd}/u.test(password)) problems.push('needsDigit');
  return problems;
}
