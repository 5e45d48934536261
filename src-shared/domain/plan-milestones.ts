/** The plan's targets (DOMAIN.md): the share of still-valid results digitized by each date. */
export interface Milestone {
  /** yyyy-mm-dd, the last day of the period. */
  date: string;
  /** 0–1. */
  share: number;
}

/** The plan 2021–2025's milestones, the default of the settings (configurable). */
export const DEFAULT_MILESTONES: readonly Milestone[] = [
  { date: '2022-12-31', share: 0.5 },
  { date: '2023-12-31', share: 0.7 },
  { date: '2024-12-31', share: 0.9 },
  { date: '2025-12-31', share: 1 },
];
