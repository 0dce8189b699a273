import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';

// Only the pieces the screens draw (bars, lines): chart.js tree-shakes the rest away. Only screens loaded lazily
// (their feature's routes.tsx) may import this module, so chart.js never enters the app's first bundle
// (tests/bundle-size.mjs).
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
);

/** DSFR colours: bleu France (blue-france-sun-113) for the period, blue-france-main-525 for the year before. */
export const DSFR_BLUE = '#000091';
export const DSFR_BLUE_LIGHT = '#6a6af4';
const GREY_TEXT = '#3a3a3a';
const FONT = { family: 'Marianne, arial, sans-serif', size: 12 };

/** Horizontal bars of a breakdown (labels can be long: they read better on the side). */
export function drawBars(canvas: HTMLCanvasElement, labels: string[], values: number[], unit: string): Chart {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label: unit, data: values, backgroundColor: DSFR_BLUE }] },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // The table beside the chart is the accessible text: the canvas itself takes no pointer events to announce.
      events: [],
      plugins: { legend: { display: false } },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0, color: GREY_TEXT, font: FONT } },
        y: { ticks: { color: GREY_TEXT, font: FONT, autoSkip: false } },
      },
    },
  });
}

/** The period's months against the same months a year earlier. */
export function drawTrend(
  canvas: HTMLCanvasElement,
  labels: string[],
  current: { label: string; values: number[] },
  previous: { label: string; values: number[] },
): Chart {
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: current.label,
          data: current.values,
          borderColor: DSFR_BLUE,
          backgroundColor: DSFR_BLUE,
          borderWidth: 3,
        },
        {
          label: previous.label,
          data: previous.values,
          borderColor: DSFR_BLUE_LIGHT,
          backgroundColor: DSFR_BLUE_LIGHT,
          borderDash: [6, 4],
          borderWidth: 2,
          pointStyle: 'rectRot',
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      plugins: { legend: { position: 'bottom', labels: { color: GREY_TEXT, font: FONT, usePointStyle: true } } },
      scales: {
        x: { ticks: { color: GREY_TEXT, font: FONT } },
        y: { beginAtZero: true, ticks: { precision: 0, color: GREY_TEXT, font: FONT } },
      },
    },
  });
}

/** The chart as a PNG data URL on a white background (a transparent PNG is unreadable in many viewers). */
export function pngOf(chart: Chart): string {
  const src = chart.canvas;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  return out.toDataURL('image/png');
}
