import type { ReactNode } from 'react';
import './print.css';

export interface PrintSheetProps {
  /** The language of the printed text (a handout may be printed in Arabic while the app is in French). */
  lang: string;
  dir?: 'ltr' | 'rtl';
  /** The document's name, for assistive technologies reading the on-screen preview. */
  title: string;
  children: ReactNode;
}

/**
 * A document to print (a handout, a report), previewed on screen as an A4 page. When printing, only the sheet is
 * printed: the app's header, navigation and forms are left out (print.css). One sheet on a screen at a time.
 */
export function PrintSheet({ lang, dir = 'ltr', title, children }: PrintSheetProps) {
  return (
    <article className="mediane-print-sheet" lang={lang} dir={dir} aria-label={title}>
      {children}
    </article>
  );
}

/** Starts a new printed page inside a sheet (a report of several pages). */
export function PrintPageBreak() {
  return <div className="mediane-print-page-break" aria-hidden="true" />;
}
