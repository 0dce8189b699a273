import type { Chart } from 'chart.js';
import { useEffect, useRef } from 'react';
import { clickDownload } from '../lib/download';
import { pngOf } from './charts';
import './figures.css';

interface Props {
  /** The text alternative: what the chart shows, in words (the table beside it gives every figure). */
  alt: string;
  /** With a label, a button saves the chart as a PNG image named fileName. */
  savePng?: { label: string; fileName: string };
  height: number;
  draw(canvas: HTMLCanvasElement): Chart;
  /** Changes whenever the data changes (the chart is redrawn). */
  dataKey: string;
}

/** A chart (drawn by ./charts.ts) with its text alternative and, if asked, a button that saves it as a PNG image. */
export function ChartFigure({ alt, savePng, height, draw, dataKey }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = draw(canvas.current);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // `draw` is a new function each render; the data it draws is what dataKey names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey]);

  return (
    <figure className="mediane-chart fr-mb-2w">
      <div style={{ position: 'relative', height }}>
        <canvas ref={canvas} role="img" aria-label={alt} />
      </div>
      {savePng && (
        <button
          type="button"
          className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-download-line fr-btn--icon-left fr-mt-1w mediane-no-print"
          onClick={() => chart.current && clickDownload(pngOf(chart.current), savePng.fileName)}
        >
          {savePng.label}
        </button>
      )}
    </figure>
  );
}
