import { foldInPlace } from '../domain/text-fold';
import { checkIdentityNumber, PASSPORT_PATTERN, type IdentityProblem } from '../domain/identity-number';
import { isoDate } from './vietnamese-dates';
import { DEFAULT_DOSSIER_CODE_PATTERN, findDossierCode } from '../domain/dossier-code';
import type { ResultType, SuggestedField } from '../domain/record-fields';
import { personNameKind, withFamilyNameMarks, type NameKind } from './person-names';
import { withGivenNameMarks } from './given-names';
import { knownAgency } from './agency-names';

/** Fields OCR can suggest: those the field table marks so. */
export { SUGGESTED_FIELDS, type SuggestedField } from '../domain/record-fields';

/** A value found in the text, with where it was found: the indexing screen highlights it. */
export interface FieldSuggestion {
  field: SuggestedField;
  /** Dates as yyyy-mm-dd; document numbers upper-cased without spaces. */
  value: string;
  span: { start: number; end: number };
  /** `medium`: found without its label, or failing a check (see `problems`). */
  confidence: 'high' | 'medium';
  problems?: IdentityProblem[];
  /**
   * Of an owner's name: whether it names a person or an organisation. Of a tax code: the
   * kind of owner it can be (an enterprise code, "mã số doanh nghiệp", is an organisation's).
   */
  ownerKind?: 'person' | 'organisation';
  /** Of an owner's ID number: a passport's (a foreign worker's) rather than a personal ID. */
  idKind?: 'passport';
  /**
   * Read from a barcode rather than the text: where the code is on the stored page (fractions
   * of its width and height); its span is then empty.
   */
  region?: { x: number; y: number; width: number; height: number };
}

export interface CatalogueEntry {
  code: string;
  name: string;
  resultType: ResultType;
}

interface Text {
  original: string;
  folded: string;
}

type Found = Omit<FieldSuggestion, 'field'>;

// Dates as they are written: "ngày 25 tháng 4 năm 2022" or 25/04/2022 (OCR may space them out).
// OCR may space a year out ("1 976") or misread a vowel of the words ("thúng"): never a digit.
const YEAR = String.raw`(\d ?\d ?\d ?\d)`;
const LONG_DATE = String.raw`ngay\s+(\d{1,2})\s+th[a-z]{1,2}ng\s+(\d{1,2})\s+n[a-z]m\s+${YEAR}`;
const SHORT_DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*${YEAR}`;
/** A number of a date's match, its spaces gone. */
const part = (text: string | undefined) => Number((text ?? '').replace(/\s/g, ''));
const ANY_DATE = `(?:${LONG_DATE}|${SHORT_DATE})`;

/** The date in a match of ANY_DATE whose groups start at `group`. */
function dateOf(match: RegExpExecArray, group: number): string | null {
  const parts = match[group] ? match.slice(group, group + 3) : match.slice(group + 3, group + 6);
  return isoDate(part(parts[0]), part(parts[1]), part(parts[2]));
}

function spanOf(match: RegExpExecArray, group: number): { start: number; end: number } {
  const start = match.index + match[0].indexOf(match[group]!);
  return { start, end: start + match[group]!.length };
}

/** OCR's usual confusions inside numbers: O/o → 0, l/I/| → 1. */
const digitsOf = (text: string) => text.replace(/[oO]/g, '0').replace(/[lI|]/g, '1').replace(/[\s.]/g, '');

/**
 * The abbreviations of document types (Nghị định 30/2020/NĐ-CP, Phụ lục III) and of the
 * results and offices of the department, with the Đ they carry, by their letters with Đ as D.
 * Two that differ only there (ĐA đề án, DA dự án) are left as read.
 */
const DOCUMENT_SYMBOLS = (() => {
  const symbols = [
    ...['NQ', 'QĐ', 'CT', 'QC', 'QYĐ', 'TC', 'TB', 'HD', 'CTR', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTR'],
    ...['HĐ', 'CĐ', 'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'GP', 'GPLĐ', 'GCN', 'XN'],
    ...['GXN', 'NĐ', 'TT', 'UBND', 'SLĐTBXH', 'PLĐTBXH', 'LĐTBXH'],
  ];
  const byLetters = new Map<string, string | null>();
  for (const symbol of symbols) {
    const letters = symbol.replace(/Đ/g, 'D');
    byLetters.set(letters, byLetters.has(letters) ? null : symbol);
  }
  return byLetters;
})();

/**
 * One part of a document number as its symbol is written: "QD" → "QĐ" (the Đ read as D),
 * "QĐĐ" → "QĐ" (a letter read twice). A part that is no known symbol stays as read.
 */
function documentSymbol(part: string): string {
  const letters = part.replace(/Đ/g, 'D');
  if (DOCUMENT_SYMBOLS.has(letters)) return DOCUMENT_SYMBOLS.get(letters) ?? part;
  const single = letters.replace(/(\p{L})\1+/gu, '$1');
  return DOCUMENT_SYMBOLS.get(single) ?? part;
}

/** Slashes OCR reads for the one in a document number ("2011⁄/QĐ"): fraction and division slashes. */
const SLASHES = '/\u2044\u2215';
/** "Số: 946/QĐ-SLĐTBXH" in the folded text: group 1 the label's colon, group 2 the number. */
const DOCUMENT_NUMBER = new RegExp(
  String.raw`(?<![a-z0-9])s[o06]\s*([:.]?)\s*(\d{1,6}\s*[${SLASHES}]{1,2}\s*[a-z0-9]+(?:\s*[${SLASHES}-]\s*[a-z0-9]+)*)`,
  'g',
);
const SLASH_RUN = new RegExp(`[${SLASHES}]+`, 'g');
/** The header's own label "Số:" before a number, however the number came out. */
const HEADER_LABEL = /(?<![a-z0-9])s[o06]\s*:\s*\d/g;
/** The header's "Số: 235QĐ-PLĐTBXH", its slash lost: group 1 the digits, 2 the symbol, 3 the rest. */
const NUMBER_WITHOUT_SLASH = /(?<![a-z0-9])s[o06]\s*:\s*(\d{1,6})([a-z]{2,5})((?:-[a-z0-9]+)+)/g;

/**
 * "Số: 946/QĐ-SLĐTBXH", "Số: 12/2024/GP-UBND": the number after its label, which OCR may read
 * "S6", "S0" or "Sô"; the symbol's Đ may come back as its look-alike Ð.
 */
function documentNumber({ original, folded }: Text): Found | null {
  let found: Found | null = null;
  for (const match of folded.matchAll(DOCUMENT_NUMBER)) {
    // The page's own number is the header's "Số:"; a "số" inside a sentence cites another
    // document ("Luật số 02/2020/QH14"), offered only on a page with no header "Số:" at all.
    const own = original[match.index] === 'S' && match[1] !== '';
    if (!own && found) continue;
    const span = spanOf(match, 2);
    const value = writtenNumber(original.slice(span.start, span.end));
    found = { value, span, confidence: own ? 'high' : 'medium' };
    if (own) return found;
  }
  const header = numberWithoutSlash(original, folded);
  if (header) return header;
  // The header's "Số: 17B52/…" is there but unreadable: a number a sentence cites is not it.
  const headerLabel = [...folded.matchAll(HEADER_LABEL)].some((match) => original[match.index] === 'S');
  return headerLabel ? null : found;
}

/** A document number as read, written as Nghị định 30/2020 writes it: "946 / QÐ-SLDTBXH" → "946/QĐ-SLĐTBXH". */
function writtenNumber(read: string): string {
  return read
    .replace(/\s+/g, '')
    .replace(SLASH_RUN, '/')
    .replace(/[Ðð]/g, 'Đ')
    .toUpperCase()
    .split(/([/-])/)
    .map(documentSymbol)
    .join('');
}

/**
 * The header's number whose slash OCR lost ("Số: 235QĐ-PLĐTBXH"): taken, slash put back, only
 * when the letters after the digits are a known symbol, and offered as `medium`.
 */
function numberWithoutSlash(original: string, folded: string): Found | null {
  for (const match of folded.matchAll(NUMBER_WITHOUT_SLASH)) {
    if (original[match.index] !== 'S') continue;
    const span = { start: match.index + match[0].indexOf(match[1]!), end: match.index + match[0].length };
    const digits = match[1]!.length;
    const read = original.slice(span.start, span.end);
    const value = writtenNumber(`${read.slice(0, digits)}/${read.slice(digits)}`);
    // Known when the part after the slash became (or was) a known symbol.
    const symbol = value.split(/[/-]/)[1]!;
    if (!DOCUMENT_SYMBOLS.get(symbol.replace(/Đ/g, 'D'))) continue;
    return { value, span, confidence: 'medium' };
  }
  return null;
}

function issueDate({ folded }: Text): Found | null {
  // The place-and-date line: "Đồng Tháp, ngày 03 tháng 02 năm 2022".
  const placed = new RegExp(`[a-z)],\\s*(${LONG_DATE})`).exec(folded);
  if (placed) {
    const value = isoDate(part(placed[2]), part(placed[3]), part(placed[4]));
    if (value) return { value, span: spanOf(placed, 1), confidence: 'high' };
  }
  return null;
}

function validity(text: Text, issued: Found | null): { effective: Found | null; expiry: Found | null } {
  const { folded } = text;
  // "… có hiệu lực kể từ ngày ký": in force from the day it was signed, its issue date.
  const fromSigning = /hieu luc (?:ke )?tu ngay ky/.exec(folded);
  if (fromSigning && issued) {
    const span = { start: fromSigning.index, end: fromSigning.index + fromSigning[0].length };
    return { effective: { value: issued.value, span, confidence: 'high' }, expiry: null };
  }
  const range = new RegExp(
    `(?:hieu luc|thoi han[^\\n:]*:?)[^\\n]{0,30}?tu ngay\\s+(${ANY_DATE.replace('ngay\\s+', '')})` +
      `(?:[^\\n]{0,20}?den ngay\\s+(${ANY_DATE.replace('ngay\\s+', '')}))?`,
  ).exec(folded);
  if (range) {
    const effective = dateOf(range, 2);
    const expiry = range[8] ? dateOf(range, 9) : null;
    return {
      effective: effective ? { value: effective, span: spanOf(range, 1), confidence: 'high' } : null,
      expiry: expiry ? { value: expiry, span: spanOf(range, 8), confidence: 'high' } : null,
    };
  }
  return { effective: null, expiry: null };
}

/** A personal name: 2–6 capitalised (or all-capital) words, hyphens allowed inside. */
const NAME = String.raw`(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){1,5})`;

/** Labels that name who a result is issued to, when that may be an organisation. */
const ISSUED_TO =
  /(?:^|[^a-z])(chung nhan|cap cho|ten to chuc|ten doanh nghiep|ten co so|ten don vi)\s*:\s*/g;
/** How an organisation's name begins (folded): a person's never does. */
const ORGANISATION =
  /^(?:cong ty|trung tam|truong|hop tac xa|doanh nghiep|co so|ho kinh doanh|to chuc|chi nhanh|van phong|benh vien|phong kham|hoi|quy|nha (?:may|hang|thuoc))\b/;

/** An organisation the result is issued to: its name is the rest of the labelled line. */
function organisationOwner({ original, folded }: Text): Found | null {
  for (const match of folded.matchAll(ISSUED_TO)) {
    const start = match.index + match[0].length;
    const lineEnd = folded.indexOf('\n', start);
    const line = original.slice(start, lineEnd < 0 ? undefined : lineEnd);
    const value = line.replace(/[\s.;,]+$/, '');
    if (value.length >= 4 && ORGANISATION.test(folded.slice(start, start + value.length)))
      return {
        value,
        span: { start, end: start + value.length },
        confidence: 'high',
        ownerKind: 'organisation',
      };
  }
  return null;
}

/** Labels that name the person a result is for, longest first, with how surely each does. */
const PERSON_LABELS: readonly [string, number][] = [
  ['ten nguoi duoc cap', 3],
  ['ten nguoi lao dong', 3],
  ['nguoi duoc cap', 3],
  ['ho va ten', 3],
  ['ho ten', 3],
  [String.raw`ong\s*\/\s*ba`, 2],
  ['cap cho', 2],
  ['ong', 1],
  ['ba', 1],
];
const PERSON_LABEL = new RegExp(
  String.raw`(?<![a-z])(${PERSON_LABELS.map(([label]) => label).join('|')})(?![a-z])\s*:?[ \t]*`,
  'g',
);
const labelWeight = (folded: string) =>
  PERSON_LABELS.find(([label]) => new RegExp(`^${label}$`).test(folded))?.[1] ?? 0;

/**
 * The person's name that starts at `start`: up to six capitalised words on that line, the
 * longest run that is a plausible name. A syllable OCR split after its first letter
 * ("N ghĩa") is joined again; the marks of its family and given names are put back where OCR
 * changed them. `sure` when the name takes every such word, its line does not go on with a word
 * OCR misread ("Phạm Diệu 0anh": it may be cut short), and no given name's marks were guessed.
 */
function nameAt(
  original: string,
  start: number,
): { value: string; end: number; kind: NameKind; sure: boolean } | null {
  const line = original.slice(start, start + 90).split('\n')[0]!;
  const words: { text: string; end: number }[] = [];
  let misread = false;
  const tokens = [...line.matchAll(/\S+/g)];
  for (let index = 0; index < tokens.length && words.length < 6; index++) {
    let text = tokens[index]![0];
    let end = tokens[index]!.index + text.length;
    const next = tokens[index + 1];
    if (/^\p{Lu}$/u.test(text) && next && /^\p{Ll}+[,.;]?$/u.test(next[0])) {
      text += next[0];
      end = next.index + next[0].length;
      index++;
    }
    // An O read as a zero at a syllable's start ("0anh"): a name holds no digit.
    const bare = text.replace(/[,.;:]+$/, '').replace(/^0(?=\p{Ll}+$)/u, 'O');
    if (!/^\p{Lu}[\p{L}'-]*$/u.test(bare)) {
      // A digit or a bar where a capital was ("0anh", "|an"): the name goes on, misread.
      misread = /^[\d|!]+\p{Ll}/u.test(bare);
      break;
    }
    words.push({ text: bare, end: end - (text.length - bare.length) });
    if (bare !== text) break; // a comma or a full stop ends the name
  }
  for (let count = words.length; count >= 2; count--) {
    const value = words
      .slice(0, count)
      .map((word) => word.text)
      .join(' ');
    const kind = personNameKind(value);
    if (kind) {
      const family = kind === 'vietnamese' ? withFamilyNameMarks(value) : value;
      const written = kind === 'vietnamese' ? withGivenNameMarks(family) : family;
      // A given name's marks put back are a guess the clerk should see: not `high`.
      const sure = count === words.length && !misread && written === family;
      return { value: written, end: start + words[count - 1]!.end, kind, sure };
    }
  }
  return null;
}

/**
 * The person a result is for: every labelled name on the page is a candidate, scored by how
 * surely its label names the owner and whether it is a plausible name; the best is kept, and
 * none when no candidate is a plausible name (an empty field is better than a wrong one).
 */
function ownerName(text: Text): Found | null {
  const { original, folded } = text;
  const organisation = organisationOwner(text);
  if (organisation) return organisation;
  let best: { score: number; found: Found } | null = null;
  for (const match of folded.matchAll(PERSON_LABEL)) {
    const start = match.index + match[0].length;
    const name = nameAt(original, start);
    if (!name) continue;
    const score = labelWeight(match[1]!) + (name.kind === 'vietnamese' ? 2 : 1.5);
    if (!best || score > best.score) {
      best = {
        score,
        found: {
          value: name.value,
          span: { start, end: name.end },
          confidence: name.sure ? 'high' : 'medium',
          ownerKind: 'person',
        },
      };
    }
  }
  return best?.found ?? null;
}

function ownerBirthDate({ folded }: Text): Found | null {
  const match = new RegExp(
    `(?:sinh ngay|ngay sinh|ngay, thang, nam sinh|nam sinh)\\s*:?\\s*(${ANY_DATE.replace('ngay\\s+', '')})`,
  ).exec(folded);
  const value = match && dateOf(match, 2);
  return value ? { value, span: spanOf(match, 1), confidence: 'high' } : null;
}

function ownerIdNumber({ original, folded }: Text, birthDate: string | null): Found | null {
  const birthYear = birthDate ? Number(birthDate.slice(0, 4)) : undefined;
  const labelled =
    /(?:so dinh danh(?: ca nhan)?|can cuoc(?: cong dan)?|cccd|cmnd|chung minh nhan dan)[^0-9\n]{0,20}([0-9oli|][0-9oli| ]{7,16}[0-9oli|])/.exec(
      folded,
    );
  const candidates: { span: { start: number; end: number }; labelled: boolean }[] = [];
  if (labelled) candidates.push({ span: spanOf(labelled, 1), labelled: true });
  for (const match of original.matchAll(/(?<!\d)\d{12}(?!\d)/g)) {
    candidates.push({ span: { start: match.index, end: match.index + 12 }, labelled: false });
  }
  for (const { span, labelled: hasLabel } of candidates) {
    const digits = digitsOf(original.slice(span.start, span.end));
    const check = checkIdentityNumber(digits, { birthYear });
    if (check.kind === 'invalid' || (!hasLabel && check.problems.length > 0)) continue;
    return {
      value: digits,
      span,
      confidence: hasLabel && check.problems.length === 0 ? 'high' : 'medium',
      ...(check.problems.length > 0 ? { problems: check.problems } : {}),
    };
  }
  return null;
}

/** A foreigner's passport number, by its label ("Số hộ chiếu: M37290827"). */
function ownerPassport({ original, folded }: Text): Found | null {
  const match =
    /(?:so ho chieu|ho chieu so|passport(?: no\.?| number)?)\s*[:.]?\s*([a-z0-9]{6,12})(?![a-z0-9])/.exec(
      folded,
    );
  if (!match) return null;
  const span = spanOf(match, 1);
  const value = original.slice(span.start, span.end).toUpperCase();
  if (!PASSPORT_PATTERN.test(value)) return null;
  return { value, span, confidence: 'high', idKind: 'passport' };
}

/** "Quốc tịch: Hàn Quốc": the words after the label, up to the line's end or the next field. */
function ownerNationality({ original, folded }: Text): Found | null {
  const match = /quoc tich\s*[:.]?[ \t]*/.exec(folded);
  if (!match) return null;
  const start = match.index + match[0].length;
  const rest = original.slice(start, start + 60);
  const words = /^[\p{L}]+(?: [\p{L}]+){0,4}/u.exec(rest.split(/\n|\s{2,}|[;,(]|\s\d/)[0]!.trim());
  if (!words) return null;
  return { value: words[0], span: { start, end: start + words[0].length }, confidence: 'high' };
}

function ownerTaxCode({ folded }: Text): Found | null {
  const match = /(ma so doanh nghiep|ma so thue|mst)\s*:?\s*(\d{10}(?:\s*-\s*\d{3})?)(?!\d)/.exec(folded);
  if (!match) return null;
  const value = match[2]!.replace(/\s+/g, '');
  const enterprise = match[1] === 'ma so doanh nghiep';
  return {
    value,
    span: spanOf(match, 2),
    confidence: 'high',
    ...(enterprise ? { ownerKind: 'organisation' } : {}),
  };
}

/**
 * Issuing bodies, most specific first: a Sở or a district's Phòng heads the page under its
 * UBND (the parent).
 */
const AGENCY_HEADS = ['so', 'chi cuc', 'cuc', 'phong', 'bo', 'uy ban nhan dan', 'ubnd'];
/** A parent's heads: the body that issued is on the line under it when one is there. */
const PARENT_HEADS = new Set(['uy ban nhan dan', 'ubnd']);
/** The heads of a body under a parent, at the start of the line after it. */
const CHILD_LINE = /^\s*[^a-z\n]*(?:so|phong|chi cuc|cuc) [a-z]/;
/**
 * The header's right column, which OCR often runs into the left one's lines: the country's
 * name, or the motto even with its first word misread ("Độc tập - Tự do").
 */
const MOTTO = String.raw`cong hoa|doc lap|doc [a-z0-9]+ ?[-–] ?tu do`;
/** What OCR makes of a heading's dash, or of the rule under it: "-", "–", "~", "-~", "__", "=". */
const DASH = String.raw`–—~_=-`;
/** A dash as OCR read it, with the spaces around it: written " - " in a heading. */
const DASH_RUN = new RegExp(String.raw`\s*[${DASH}]+\s*`, 'g');
/** Before the motto: spaces, and the dashes OCR read in the gap. */
const BEFORE_MOTTO = String.raw`[\s${DASH}]+(?:${MOTTO})`;
/** How a heading's second line goes on: "VÀ XÃ HỘI", or the UBND's place, "TỈNH VĨNH LONG". */
const HEADING_GOES_ON = new RegExp(
  String.raw`^\s*[^a-z\n]*?((?:va ?|tinh |thanh pho |huyen |quan |thi xa |xa |phuong )[a-z ]+?)(?=${BEFORE_MOTTO}|[^a-z\n]*\n|[^a-z\n]*$)`,
);

function issuingAgency({ original, folded }: Text): Found | null {
  // The issuing body heads the page: "SỞ LAO ĐỘNG – THƯƠNG BINH" (+ "VÀ XÃ HỘI" below). OCR
  // often runs the two header columns together, so the national motto is cut off.
  for (const head of AGENCY_HEADS) {
    const match = new RegExp(
      // At the start of its line (what OCR reads first of the header's left column), so that
      // "UBND HUYỆN PHONG ĐIỀN" is not taken for a Phòng.
      String.raw`(?:^|\n)[^a-z\n]*(${head}(?: [a-z ,${DASH}]+?)??)(?=${BEFORE_MOTTO}|\s*\n)`,
    ).exec(folded);
    if (!match) continue;
    const span = spanOf(match, 1);
    let value = original.slice(span.start, span.end);
    // Its second line, after whatever OCR ran into the rest of the first.
    const lineEnd = folded.indexOf('\n', span.end);
    const next = lineEnd < 0 ? null : HEADING_GOES_ON.exec(folded.slice(lineEnd + 1));
    if (next) {
      const start = lineEnd + 1 + next[0].indexOf(next[1]!);
      value = `${value} ${original.slice(start, start + next[1]!.length)}`;
      span.end = start + next[1]!.length;
    }
    value = knownAgency(value.replace(DASH_RUN, ' - ').replace(/\s+/g, ' ').trim());
    // Only an upper-case heading is a heading.
    if (value !== value.toUpperCase()) continue;
    // A parent with a body's heading under it that could not be read did not issue the page.
    const lastLineEnd = folded.indexOf('\n', span.end);
    const underIt = lastLineEnd < 0 ? '' : folded.slice(lastLineEnd + 1);
    const parentOnly = PARENT_HEADS.has(head) && CHILD_LINE.test(underIt);
    return { value, span, confidence: parentOnly ? 'medium' : 'high' };
  }
  return null;
}

const TITLES: [RegExp, ResultType][] = [
  [/giay chung nhan/, 'certificate'],
  [/giay phep/, 'licence'],
  [/quyet dinh/, 'decision'],
  [/xac nhan/, 'confirmation'],
];

function resultType({ original, folded }: Text): Found | null {
  let best: Found | null = null;
  for (const [pattern, type] of TITLES) {
    for (const match of folded.matchAll(new RegExp(pattern, 'g'))) {
      const span = { start: match.index, end: match.index + match[0].length };
      const words = original.slice(span.start, span.end);
      // A title is written in capitals; "quyết định" inside a sentence is not one.
      if (words !== words.toUpperCase()) continue;
      if (!best || span.start < best.span.start) best = { value: type, span, confidence: 'high' };
      break;
    }
  }
  return best;
}

function signerName({ original }: Text): Found | null {
  // The signer's name stands alone on a line at the end, under the title and the stamp.
  // The pen's strokes across it may come out as marks before or after it ("`\_ Đinh Văn Thạnh").
  const alone = new RegExp(`^[^\\p{L}\\p{N}]*${NAME}[^\\p{L}\\p{N}]*$`, 'u');
  const lines = [...original.matchAll(/^[ \t]*(.+?)[ \t]*$/gm)];
  for (const line of lines.reverse()) {
    const name = alone.exec(line[1]!);
    if (name && name[1] !== name[1]!.toUpperCase() && personNameKind(name[1]!) === 'vietnamese') {
      const start = line.index + line[0].indexOf(name[1]!);
      return {
        value: withGivenNameMarks(withFamilyNameMarks(name[1]!)),
        span: { start, end: start + name[1]!.length },
        confidence: 'medium',
      };
    }
  }
  return null;
}

/** Consecutive word pairs: "trợ cấp ưu đãi" → tro cap, cap uu, uu dai. Single words are too common. */
function bigrams(folded: string): Set<string> {
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  return new Set(words.slice(1).map((word, index) => `${words[index]} ${word}`));
}

/**
 * The catalogue procedure whose name the page echoes best: the share of the name's word
 * pairs found on the page, with a little weight for a matching result type.
 */
function procedureGuess(
  text: Text,
  type: ResultType | null,
  catalogue: readonly CatalogueEntry[],
): Found | null {
  const onPage = bigrams(text.folded);
  let best: { entry: CatalogueEntry; score: number } | null = null;
  for (const entry of catalogue) {
    const pairs = [...bigrams(foldInPlace(entry.name))];
    const shared = pairs.filter((pair) => onPage.has(pair)).length / Math.max(1, pairs.length);
    const score = shared + (type && entry.resultType === type ? 0.25 : 0);
    if (!best || score > best.score) best = { entry, score };
  }
  if (!best || best.score < 0.5) return null;
  return { value: best.entry.code, span: { start: 0, end: 0 }, confidence: 'medium' };
}

/** The one-stop dossier code a receipt or a recent result prints after its label ("Mã hồ sơ: …"). */
function dossierCode({ original, folded }: Text, pattern: string): Found | null {
  for (const label of folded.matchAll(/ma (?:so )?ho so\s*(?:mot cua\s*)?[:.]?\s*/g)) {
    const after = label.index + label[0].length;
    const code = findDossierCode(original.slice(after, after + 80), pattern);
    if (code && code.start === 0) {
      return {
        value: code.value,
        span: { start: after, end: after + code.value.length },
        confidence: 'high',
      };
    }
  }
  return null;
}

export interface SuggestOptions {
  /** The dossier codes' format (settings); DOMAIN.md's by default. */
  dossierCodePattern?: string;
  /** The page's words with OCR's confidence in each: a value read from an unsure word is not `high`. */
  words?: readonly { confidence: number; start: number; end: number }[];
  /** The confidence below which a word is unsure (SURE_WORD_CONFIDENCE). */
  sureWordConfidence?: number;
}

/**
 * Below this OCR confidence a word may hold a wrong character: a value read from it is
 * offered as `medium`, for the clerk to look at. Chosen on the corpus's dev half (bench/ocr,
 * SURE=…), never on its test half: at 90, 0.7 % of records had a field `high` and wrong
 * (5.3 % without the check, 2.0 % at 80) while 70 % of the right values stayed `high`.
 */
export const SURE_WORD_CONFIDENCE = 90;

/** `found` as sure as the least sure word it was read from. */
function asSureAsItsWords(
  found: Found,
  { words, sureWordConfidence = SURE_WORD_CONFIDENCE }: SuggestOptions,
): Found {
  if (!words || found.confidence !== 'high' || found.span.end <= found.span.start) return found;
  const unsure = words.some(
    (word) =>
      word.start < found.span.end && word.end > found.span.start && word.confidence < sureWordConfidence,
  );
  return unsure ? { ...found, confidence: 'medium' } : found;
}

/**
 * Suggests a record's fields from the OCR text of a page. Each suggestion carries the span
 * of `text` it came from; nothing here is accepted until the clerk accepts it.
 */
export function suggestFields(
  text: string,
  catalogue: readonly CatalogueEntry[] = [],
  options: SuggestOptions = {},
): FieldSuggestion[] {
  const original = text.normalize('NFC');
  const source = { original, folded: foldInPlace(original) };
  // A page that lists several people (a decision's annexed list) has no one owner to suggest.
  const listed = new Set(original.match(/(?<!\d)\d{12}(?!\d)/g) ?? []).size >= 3;
  const birth = listed ? null : ownerBirthDate(source);
  const type = resultType(source);
  const issued = issueDate(source);
  const { effective, expiry } = validity(source, issued);
  const found: [SuggestedField, Found | null][] = [
    ['resultType', type],
    ['documentNumber', documentNumber(source)],
    ['dossierCode', dossierCode(source, options.dossierCodePattern ?? DEFAULT_DOSSIER_CODE_PATTERN)],
    ['issueDate', issued],
    ['issuingAgency', issuingAgency(source)],
    ['ownerName', listed ? organisationOwner(source) : ownerName(source)],
    ['ownerBirthDate', birth],
    // A personal ID number if the page gives one, else a foreigner's passport.
    ['ownerIdNumber', listed ? null : (ownerIdNumber(source, birth?.value ?? null) ?? ownerPassport(source))],
    ['ownerTaxCode', ownerTaxCode(source)],
    ['ownerNationality', ownerNationality(source)],
    ['effectiveDate', effective],
    ['expiryDate', expiry],
    ['signerName', signerName(source)],
    ['procedureCode', procedureGuess(source, (type?.value as ResultType | undefined) ?? null, catalogue)],
  ];
  return found.flatMap(([field, suggestion]) =>
    suggestion ? [{ field, ...asSureAsItsWords(suggestion, options) }] : [],
  );
}
