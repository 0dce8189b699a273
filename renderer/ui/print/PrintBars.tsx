/**
 * A bar per row for printed reports, drawn in SVG: it prints crisply at any scale and needs no chart code. Decoration
 * only (aria-hidden): the table beside it carries the figures.
 */
export function PrintBars({
  rows,
  barHeight = 14,
}: {
  rows: Array<{ label: string; count: number }>;
  barHeight?: number;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const step = barHeight + 4;
  return (
    <svg
      aria-hidden="true"
      width="100%"
      height={rows.length * step}
      viewBox={`0 0 300 ${rows.length * step}`}
      preserveAspectRatio="none"
      className="fr-mb-1w"
    >
      {rows.map((r, i) => (
        <rect key={r.label} x={0} y={i * step} width={(300 * r.count) / max} height={barHeight} fill="#000091" />
      ))}
    </svg>
  );
}
