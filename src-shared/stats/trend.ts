import { bucketOf, type Bucket } from './progress';

export interface TrendPoint {
  bucket: string;
  records: number;
  pages: number;
}

/** The bucket before `key` (yyyy-mm-dd for a day or a week's Monday, yyyy-mm for a month). */
function previousBucket(key: string, bucket: Bucket): string {
  if (bucket === 'month') {
    const [year, month] = key.split('-').map(Number) as [number, number];
    return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  }
  const day = new Date(`${key}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (bucket === 'week' ? 7 : 1));
  return day.toISOString().slice(0, 10);
}

/**
 * The last `count` periods up to the one `now` falls in, oldest first, with every clerk's
 * records and pages added up: a period nobody worked shows as zero, so the chart's gaps are
 * real gaps and not squeezed out.
 */
export function trendSeries(
  activity: readonly { bucket: string; records: number; pages: number }[],
  bucket: Bucket,
  now: number,
  count: number,
): TrendPoint[] {
  const keys = [bucketOf(now, bucket)];
  while (keys.length < count) keys.unshift(previousBucket(keys[0]!, bucket));
  const totals = new Map(keys.map((key) => [key, { bucket: key, records: 0, pages: 0 }]));
  for (const row of activity) {
    const point = totals.get(row.bucket);
    if (!point) continue;
    point.records += row.records;
    point.pages += row.pages;
  }
  return [...totals.values()];
}
