import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only bars: chart.js tree-shakes the rest away. This module is in the screen's own chunk (routes.tsx loads it lazily).
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const DSFR_BLUE = '#000091';
const GREY_TEXT = '#3a3a3a';
const FONT = { family: 'Marianne, arial, sans-serif', size: 12 };

interface Props {
  /** What the chart shows, in words; the table beside it gives every figure. */
  alt: string;
  labels: string[];
  values: number[];
  unit: string;
}

/** Horizontal bars of a table (labels can be long: they read better on the side). */
export function BarsChart({ alt, labels, values, unit }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dataKey = JSON.stringify([labels, values]);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label: unit, data: values, backgroundColor: DSFR_BLUE }] },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0, color: GREY_TEXT, font: FONT } },
          y: { ticks: { color: GREY_TEXT, font: FONT, autoSkip: false } },
        },
      },
    });
    return () => chart.destroy();
    // The data drawn is what dataKey names; labels/values are new arrays each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, unit]);
  return (
    <figure className="mediane-chart fr-mb-2w">
      <div style={{ position: 'relative', height: Math.max(140, 28 * labels.length + 40) }}>
        <canvas ref={canvas} role="img" aria-label={alt} />
      </div>
    </figure>
  );
}
