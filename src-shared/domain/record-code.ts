import { AGENCY_ID_PATTERN } from './agency';

/**
 * The result code (DOMAIN.md "Codes and identifiers"): a configurable template of tokens,
 * issued offline. Uniqueness across stations holds by construction: every template must
 * carry the station number and a fixed-width sequence that a station never reuses.
 */
export const DEFAULT_CODE_TEMPLATE = '{agency}.{yyyy}.{station}{seq:6}{check}';

export type CodeToken =
  | { kind: 'literal'; text: string }
  | { kind: 'agency' | 'dept' | 'procedure' | 'yyyy' | 'yy' | 'mm' | 'dd' | 'station' | 'check' }
  | { kind: 'seq'; width: number };

export interface CodeContext {
  agency: string;
  dept: string;
  procedure: string;
  station: string;
  /** The day the code is issued. */
  date: Date;
}

/** Problems a template can have, as i18n keys under `codes.template.`. */
export type TemplateProblem =
  'unknownToken' | 'noStation' | 'noSequence' | 'twoSequences' | 'checkNotLast' | 'ambiguous';

const SIMPLE = ['agency', 'dept', 'procedure', 'yyyy', 'yy', 'mm', 'dd', 'station', 'check'] as const;
/** Tokens whose length varies: a literal must follow them, or two codes could read alike. */
const VARIABLE: readonly CodeToken['kind'][] = ['dept'];

export function parseCodeTemplate(template: string): { tokens: CodeToken[]; problems: TemplateProblem[] } {
  const tokens: CodeToken[] = [];
  const problems = new Set<TemplateProblem>();
  for (const part of template.split(/(\{[^}]*\})/).filter(Boolean)) {
    const name = /^\{([a-z]+)(?::(\d+))?\}$/.exec(part);
    if (!part.startsWith('{')) tokens.push({ kind: 'literal', text: part });
    else if (name?.[1] === 'seq' && name[2] && Number(name[2]) >= 3 && Number(name[2]) <= 9) {
      tokens.push({ kind: 'seq', width: Number(name[2]) });
    } else if (name && !name[2] && (SIMPLE as readonly string[]).includes(name[1]!)) {
      tokens.push({ kind: name[1] as (typeof SIMPLE)[number] });
    } else problems.add('unknownToken');
  }
  const count = (kind: CodeToken['kind']) => tokens.filter((token) => token.kind === kind).length;
  if (count('station') === 0) problems.add('noStation');
  if (count('seq') === 0) problems.add('noSequence');
  if (count('seq') > 1) problems.add('twoSequences');
  const check = tokens.findIndex((token) => token.kind === 'check');
  if (check >= 0 && (check !== tokens.length - 1 || count('check') > 1)) problems.add('checkNotLast');
  tokens.forEach((token, index) => {
    if (VARIABLE.includes(token.kind) && tokens[index + 1] && tokens[index + 1]!.kind !== 'literal') {
      problems.add('ambiguous');
    }
  });
  return { tokens, problems: [...problems] };
}

// ISO 7064 MOD 37,36: a hybrid system over 0-9A-Z whose check character is in the same
// alphabet. It catches every single substitution and every adjacent swap.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

/** The alphanumeric characters a check covers: separators and case do not count. */
const checkedCharacters = (text: string) => text.toUpperCase().replace(/[^0-9A-Z]/g, '');

function runningProduct(payload: string): number {
  let product = M;
  for (const character of checkedCharacters(payload)) {
    let sum = (product + ALPHABET.indexOf(character)) % M;
    if (sum === 0) sum = M;
    product = (2 * sum) % (M + 1);
  }
  return product;
}

export function checkCharacter(payload: string): string {
  return ALPHABET[(M + 1 - runningProduct(payload)) % M]!;
}

export function hasValidCheckCharacter(code: string): boolean {
  const characters = checkedCharacters(code);
  if (characters.length < 2) return false;
  const last = characters.at(-1)!;
  return ALPHABET[(M + 1 - runningProduct(characters.slice(0, -1))) % M] === last;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function renderToken(token: CodeToken, context: CodeContext, sequence: string): string {
  const { date } = context;
  switch (token.kind) {
    case 'literal':
      return token.text;
    case 'agency':
      return context.agency;
    case 'dept':
      return context.dept;
    case 'procedure':
      return context.procedure;
    case 'yyyy':
      return String(date.getFullYear());
    case 'yy':
      return pad(date.getFullYear() % 100, 2);
    case 'mm':
      return pad(date.getMonth() + 1, 2);
    case 'dd':
      return pad(date.getDate(), 2);
    case 'station':
      return context.station;
    case 'seq':
      return sequence;
    case 'check':
      return '';
  }
}

/**
 * The sequence's scope: the code with the sequence and check left out. Each scope has its
 * own counter, so a template with `{yyyy}` starts again at 1 each year and codes still
 * never repeat (the year is in them).
 */
export const codeScope = (tokens: readonly CodeToken[], context: CodeContext): string =>
  tokens.map((token) => (token.kind === 'seq' ? '#' : renderToken(token, context, ''))).join('');

/** The code for sequence number `sequence` (1-based) in its scope. */
export function renderCode(tokens: readonly CodeToken[], context: CodeContext, sequence: number): string {
  const seq = tokens.find((token) => token.kind === 'seq') as { width: number } | undefined;
  if (!seq || sequence < 1 || String(sequence).length > seq.width) {
    throw new RangeError(`sequence ${sequence} does not fit the template`);
  }
  const body = tokens.map((token) => renderToken(token, context, pad(sequence, seq.width))).join('');
  return tokens.at(-1)?.kind === 'check' ? body + checkCharacter(body) : body;
}

const TOKEN_PATTERNS: Record<Exclude<CodeToken['kind'], 'literal' | 'seq'>, string> = {
  agency: AGENCY_ID_PATTERN.source.slice(1, -1),
  dept: '[A-Z0-9]{1,12}',
  procedure: '[12]\\.\\d{6}',
  yyyy: '\\d{4}',
  yy: '\\d{2}',
  mm: '(?:0[1-9]|1[0-2])',
  dd: '(?:0[1-9]|[12]\\d|3[01])',
  station: '\\d{3}',
  check: '[0-9A-Z]',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `code` has the template's shape and, if the template has one, a right check character. */
export function checkCode(
  tokens: readonly CodeToken[],
  code: string,
): { ok: true } | { ok: false; problem: 'format' | 'checkCharacter' } {
  const pattern = tokens
    .map((token) =>
      token.kind === 'literal'
        ? escapeRegExp(token.text)
        : token.kind === 'seq'
          ? `\\d{${token.width}}`
          : TOKEN_PATTERNS[token.kind],
    )
    .join('');
  const normalized = code.trim().toUpperCase();
  if (!new RegExp(`^${pattern}$`).test(normalized)) return { ok: false, problem: 'format' };
  if (tokens.at(-1)?.kind === 'check' && !hasValidCheckCharacter(normalized)) {
    return { ok: false, problem: 'checkCharacter' };
  }
  return { ok: true };
}
