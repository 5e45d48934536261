import { messageKeyOf, type ErrorCode } from '../errors/app-error';
import { displayDate } from '../indexing/vietnamese-dates';
import { formatDateTime } from '../encoding/display-format';

/** What the describer needs of i18next: a translation and whether a key has one. */
export interface Translate {
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string) => boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A moment as JSON writes one (Central's storedAt): shown as the station's other moments. */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ERROR_CODE = /^[a-z]+\.[a-zA-Z]+$/;
const MAX_TEXT = 160;
/** Values that are codes for words: a result type, an owner kind, a reason for sending back. */
const NAMED_VALUES: Record<string, (value: string) => string> = {
  resultType: (value) => `indexing.resultTypes.${value}`,
  ownerKind: (value) => `indexing.${value}`,
  code: (value) => `review.reasons.${value}`,
  readScope: (value) => `console.stations.readScopes.${value}`,
};

/**
 * An audit entry's before and after as the people reading the trail say it: "Họ tên: A → B;
 * Số định danh: …" in the user's language. Field names are labelled, dates shown dd/mm/yyyy,
 * error codes given their message, internal ids (UUIDs) left out; the entry itself keeps the
 * whole values (and its hash covers them).
 */
export function describeChange(before: unknown, after: unknown, { t, exists }: Translate): string {
  const label = (key: string) => {
    for (const candidate of [`indexing.fields.${key}`, `audit.keys.${key}`])
      if (exists(candidate)) return t(candidate);
    return key;
  };
  const value = (item: unknown, key = ''): string | null => {
    if (item === null || item === undefined || item === '') return null;
    if (typeof item === 'boolean') return t(item ? 'common.yes' : 'common.no');
    // Moments are kept as epoch milliseconds under `at` or a name ending in "At" (storedAt, signedAt).
    if (typeof item === 'number')
      return key === 'at' || key.endsWith('At') ? formatDateTime(item) : String(item);
    if (typeof item === 'string') {
      if (UUID.test(item)) return null;
      if (ISO_DATE.test(item)) return displayDate(item);
      if (ISO_MOMENT.test(item)) return formatDateTime(Date.parse(item));
      if (ERROR_CODE.test(item) && exists(messageKeyOf(item as ErrorCode)))
        return t(messageKeyOf(item as ErrorCode));
      // Words the app keeps as codes, said in the user's language by the key they sit under.
      const named = NAMED_VALUES[key]?.(item);
      if (named && exists(named)) return t(named);
      if (exists(`status.${item}`)) return t(`status.${item}`);
      return item;
    }
    if (Array.isArray(item)) {
      const items = item.map((each) => value(each)).filter((shown): shown is string => shown !== null);
      return items.length > 0 ? items.join(', ') : null;
    }
    const pairs = Object.entries(item as Record<string, unknown>)
      .map(([key, nested]) => [key, value(nested, key)] as const)
      .filter((pair): pair is readonly [string, string] => pair[1] !== null);
    return pairs.length > 0 ? pairs.map(([key, shown]) => `${label(key)}: ${shown}`).join('; ') : null;
  };
  const isObject = (item: unknown): item is Record<string, unknown> =>
    typeof item === 'object' && item !== null && !Array.isArray(item);

  let text: string;
  if (isObject(before) && isObject(after)) {
    // Both sides: only what changed, each as "label: before → after".
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    text = keys
      .flatMap((key) => {
        const was = value(before[key], key);
        const now = value(after[key], key);
        if (was === now) return [];
        return [`${label(key)}: ${was ?? '—'} → ${now ?? '—'}`];
      })
      .join('; ');
  } else {
    const was = value(before);
    const now = value(after);
    text = was && now ? `${was} → ${now}` : was ? `${was} → ${t('audit.removed')}` : (now ?? '');
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
