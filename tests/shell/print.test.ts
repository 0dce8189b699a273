import { describe, expect, it } from 'vitest';
import { createPrintToPdf, PDF_OPTIONS } from '../../main/app/print';

describe('the desktop print port', () => {
  it('prints the main window as an A4, tagged PDF with backgrounds', async () => {
    const seen: unknown[] = [];
    const win = {
      webContents: {
        printToPDF: async (options: unknown) => {
          seen.push(options);
          return Buffer.from('%PDF-1.7');
        },
      },
    };
    const pdf = await createPrintToPdf(() => win)();
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7');
    expect(seen).toEqual([PDF_OPTIONS]);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true });
  });

  it('refuses when no window is open', async () => {
    await expect(createPrintToPdf(() => null)()).rejects.toThrow();
  });
});
