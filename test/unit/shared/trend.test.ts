import { describe, expect, it } from 'vitest';
import { trendSeries } from '../../../src-shared/stats/trend';

// 2026-01-02 10:00 in Ha Noi (a Friday).
const NOW = Date.UTC(2026, 0, 2, 3);

describe('the activity trend', () => {
  it('covers the last periods up to today with every clerk added up, and zero where nobody worked', () => {
    const activity = [
      { bucket: '2025-12-30', clerk: 'An', records: 2, pages: 5 },
      { bucket: '2025-12-30', clerk: 'Bình', records: 1, pages: 3 },
      { bucket: '2026-01-02', clerk: 'An', records: 4, pages: 9 },
      // Older than the window: left out.
      { bucket: '2025-11-01', clerk: 'An', records: 7, pages: 7 },
    ];
    expect(trendSeries(activity, 'day', NOW, 4)).toEqual([
      { bucket: '2025-12-30', records: 3, pages: 8 },
      { bucket: '2025-12-31', records: 0, pages: 0 },
      { bucket: '2026-01-01', records: 0, pages: 0 },
      { bucket: '2026-01-02', records: 4, pages: 9 },
    ]);
  });

  it('steps back by ISO weeks (Mondays) and by months across the new year', () => {
    expect(trendSeries([], 'week', NOW, 3).map((point) => point.bucket)).toEqual([
      '2025-12-15',
      '2025-12-22',
      '2025-12-29',
    ]);
    expect(trendSeries([{ bucket: '2025-11', records: 5, pages: 6 }], 'month', NOW, 3)).toEqual([
      { bucket: '2025-11', records: 5, pages: 6 },
      { bucket: '2025-12', records: 0, pages: 0 },
      { bucket: '2026-01', records: 0, pages: 0 },
    ]);
  });
});
