/**
 * Two small SVG charts drawn by hand: the tree has no chart library, and a bar chart is a
 * few rectangles. Both scale to their container's width and carry a text alternative.
 */

interface Bar {
  label: string;
  value: number;
  /** A second, lighter bar behind the first (e.g. the full amount behind the weighted one). */
  back?: number;
  note?: string;
}

/** Horizontal bars, one per funnel step, widest first at the top. */
export function FunnelChart({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 34;
  const height = bars.length * row + 8;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 600 ${height}`}
      width="100%"
      style={{ maxWidth: 720, display: 'block' }}
    >
      {bars.map((bar, i) => {
        const width = Math.max(2, (bar.value / max) * 400);
        const y = i * row + 4;
        return (
          <g key={bar.label}>
            <text x={0} y={y + 19} fontSize={13} fill="var(--mantine-color-dark-6)">
              {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
            </text>
            <rect
              x={160 + (400 - width) / 2}
              y={y}
              width={width}
              height={row - 8}
              rx={4}
              fill="var(--mantine-color-blue-6)"
            />
            <text
              x={360}
              y={y + 18}
              fontSize={12}
              textAnchor="middle"
              fill="white"
              fontWeight={700}
            >
              {bar.value}
            </text>
            {bar.note ? (
              <text
                x={565}
                y={y + 18}
                fontSize={12}
                textAnchor="end"
                fill="var(--mantine-color-dimmed)"
              >
                {bar.note}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical bars per month: the amount in light blue, the weighted amount in front of it. */
export function MonthChart({
  bars,
  label,
  format,
}: {
  bars: Bar[];
  label: string;
  format: (value: number) => string;
}) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.back ?? 0)));
  const width = 640;
  const height = 240;
  const plot = height - 40;
  const slot = (width - 60) / Math.max(1, bars.length);
  const barWidth = Math.min(48, slot * 0.7);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: 800, display: 'block' }}
    >
      <line x1={56} y1={plot + 6} x2={width} y2={plot + 6} stroke="var(--mantine-color-gray-4)" />
      <text x={60} y={12} fontSize={11} fill="var(--mantine-color-dimmed)">
        {format(max)}
      </text>
      {bars.map((bar, i) => {
        const x = 60 + i * slot + (slot - barWidth) / 2;
        const backHeight = ((bar.back ?? 0) / max) * (plot - 10);
        const frontHeight = (bar.value / max) * (plot - 10);
        return (
          <g key={bar.label}>
            <title>{`${bar.label}: ${format(bar.value)}${bar.back === undefined ? '' : ` / ${format(bar.back)}`}`}</title>
            {bar.back === undefined ? null : (
              <rect
                x={x}
                y={plot + 6 - backHeight}
                width={barWidth}
                height={backHeight}
                fill="var(--mantine-color-blue-2)"
              />
            )}
            <rect
              x={x + barWidth * 0.2}
              y={plot + 6 - frontHeight}
              width={barWidth * 0.6}
              height={frontHeight}
              fill="var(--mantine-color-blue-7)"
            />
            <text
              x={x + barWidth / 2}
              y={height - 14}
              fontSize={11}
              textAnchor="middle"
              fill="var(--mantine-color-dark-6)"
            >
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
