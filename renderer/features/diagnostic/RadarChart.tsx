import {
  Chart,
  Filler,
  Legend,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

interface Props {
  labels: string[];
  series: Array<{ label: string; data: Array<number | null>; color: string }>;
  /** The chart's accessible name; the same figures are in the table beside it. */
  label: string;
}

/** The scores by dimension as a radar (chart.js, loaded with this module only, on the results route). */
export default function RadarChart({ labels, series, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'radar',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.data,
          borderColor: s.color,
          backgroundColor: `${s.color}33`,
          pointBackgroundColor: s.color,
          fill: true,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        scales: { r: { min: 0, max: 100, ticks: { stepSize: 25 } } },
        plugins: { legend: { display: series.length > 1 } },
      },
    });
    return () => chart.destroy();
  }, [labels, series]);
  return (
    <div className="mediane-diag-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
