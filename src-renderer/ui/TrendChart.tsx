import { theme } from 'antd';
import type { TrendPoint } from '../../src-shared/stats/trend';

const WIDTH = 640;
const HEIGHT = 180;
const AXIS = 22;
const TOP = 16;

/**
 * Records per period as bars, pages as a line over them: the pace of digitization at a
 * glance. Plain SVG drawn from the figures (no chart library for two series); each bar
 * carries its figures as a tooltip and the whole chart a text alternative.
 */
export function TrendChart(props: {
  points: readonly TrendPoint[];
  label: string;
  /** A bar's tooltip, in the user's language. */
  describe: (point: TrendPoint) => string;
  testId?: string;
}) {
  const { token } = theme.useToken();
  const { points } = props;
  const slot = WIDTH / Math.max(1, points.length);
  const plot = HEIGHT - AXIS - TOP;
  const maxRecords = Math.max(1, ...points.map((point) => point.records));
  const maxPages = Math.max(1, ...points.map((point) => point.pages));
  const pageLine = points
    .map((point, index) => `${index * slot + slot / 2},${TOP + plot - (point.pages / maxPages) * plot}`)
    .join(' ');
  // Every label when few; else every other one, so they never overlap.
  const labelEvery = points.length > 12 ? 2 : 1;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      style={{ display: 'block', marginBottom: 12 }}
    >
      <line x1={0} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} stroke={token.colorBorder} strokeWidth={1} />
      {points.map((point, index) => {
        const height = (point.records / maxRecords) * plot;
        const x = index * slot + slot * 0.2;
        return (
          <g key={point.bucket} data-testid="trend-bar" data-records={point.records}>
            <title>{props.describe(point)}</title>
            <rect
              x={x}
              y={TOP + plot - height}
              width={slot * 0.6}
              height={height}
              rx={2}
              fill={token.colorPrimary}
              opacity={0.85}
            />
            {point.records > 0 ? (
              <text
                x={x + slot * 0.3}
                y={TOP + plot - height - 3}
                textAnchor="middle"
                fontSize={10}
                fill={token.colorText}
              >
                {point.records}
              </text>
            ) : null}
            {index % labelEvery === 0 ? (
              <text
                x={index * slot + slot / 2}
                y={HEIGHT - 6}
                textAnchor="middle"
                fontSize={10}
                fill={token.colorTextSecondary}
              >
                {point.bucket.length === 10 ? point.bucket.slice(5) : point.bucket}
              </text>
            ) : null}
          </g>
        );
      })}
      <polyline points={pageLine} fill="none" stroke={token.colorWarning} strokeWidth={2} />
    </svg>
  );
}
