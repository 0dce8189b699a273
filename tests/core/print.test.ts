import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, CallFailed, openCore, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function desk(printToPdf?: () => Promise<Uint8Array>) {
  const folder = tempDir('mediane-print-');
  const chosen = join(folder, 'fiche-caf.pdf');
  const core = openCore({ dialogs: { pickSave: async () => chosen, pickOpen: async () => null }, printToPdf });
  return { core, chosen };
}

describe('print.savePdf', () => {
  it('writes the printed page to the file the user chose, whole', async () => {
    const { core, chosen } = desk(async () => new TextEncoder().encode('%PDF-1.7 handout'));
    const target = await call(core, 'files.pickSave', { purpose: 'pdf', suggestedName: 'fiche-caf.pdf' });
    const saved = await call(core, 'print.savePdf', { targetId: target!.targetId });
    expect(saved).toEqual({ name: 'fiche-caf.pdf', bytes: 16 });
    expect(readFileSync(chosen, 'utf8')).toBe('%PDF-1.7 handout');
    await core.close();
  });

  it('leaves nothing under the chosen name when printing fails, and the target is spent', async () => {
    const { core, chosen } = desk(async () => {
      throw new Error('renderer crashed');
    });
    const target = await call(core, 'files.pickSave', { purpose: 'pdf', suggestedName: 'fiche-caf.pdf' });
    await expect(call(core, 'print.savePdf', { targetId: target!.targetId })).rejects.toMatchObject({
      error: { code: 'internal', messageKey: 'print.failed' },
    });
    expect(existsSync(chosen)).toBe(false);
    expect(readdirSync(dirname(chosen))).toEqual([]);
    await expect(call(core, 'print.savePdf', { targetId: target!.targetId })).rejects.toBeInstanceOf(CallFailed);
    await core.close();
  });

  it('is refused with a clear message where the host cannot print to PDF (browser mode)', async () => {
    const { core } = desk();
    const target = await call(core, 'files.pickSave', { purpose: 'pdf', suggestedName: 'fiche-caf.pdf' });
    await expect(call(core, 'print.savePdf', { targetId: target!.targetId })).rejects.toMatchObject({
      error: { code: 'forbidden', messageKey: 'print.unavailable' },
    });
    await core.close();
  });
});
