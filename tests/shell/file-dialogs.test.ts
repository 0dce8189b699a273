import { join } from 'node:path';
import type { BaseWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createFileDialogs, type DialogLike } from '../../main/app/file-dialogs';

// The system dialogs behind "choose where to save" / "choose a file", against a fake of Electron's `dialog`.

const DOCS = join('/home', 'agent', 'Documents');
const WINDOW = { id: 1 } as unknown as BaseWindow;

class FakeDialog implements DialogLike {
  calls: Array<{ kind: 'save' | 'open'; window: BaseWindow | null; options: SaveDialogOptions | OpenDialogOptions }> =
    [];
  saveAnswer: { canceled: boolean; filePath: string } = { canceled: false, filePath: '' };
  openAnswer: { canceled: boolean; filePaths: string[] } = { canceled: false, filePaths: [] };
  showSaveDialog(a: BaseWindow | SaveDialogOptions, b?: SaveDialogOptions) {
    this.calls.push({ kind: 'save', window: b ? (a as BaseWindow) : null, options: (b ?? a) as SaveDialogOptions });
    return Promise.resolve(this.saveAnswer);
  }
  showOpenDialog(a: BaseWindow | OpenDialogOptions, b?: OpenDialogOptions) {
    this.calls.push({ kind: 'open', window: b ? (a as BaseWindow) : null, options: (b ?? a) as OpenDialogOptions });
    return Promise.resolve(this.openAnswer);
  }
}

function setup(opts: { window?: BaseWindow | null; locale?: 'fr' | 'en' } = {}) {
  const dialog = new FakeDialog();
  const dialogs = createFileDialogs({
    dialog,
    getWindow: () => (opts.window === undefined ? WINDOW : opts.window),
    documentsDir: DOCS,
    locale: () => opts.locale ?? 'fr',
  });
  return { dialog, dialogs };
}

describe('file dialogs', () => {
  it('saves from the Documents folder with the suggested name, the desk filter, modal to the main window', async () => {
    const { dialog, dialogs } = setup();
    dialog.saveAnswer = { canceled: false, filePath: join(DOCS, 'lunel.mediane') };
    expect(await dialogs.pickSave('desk', 'Médiane-Lunel.mediane')).toBe(join(DOCS, 'lunel.mediane'));
    const [call] = dialog.calls;
    expect(call!.kind).toBe('save');
    expect(call!.window).toBe(WINDOW);
    expect(call!.options).toMatchObject({
      title: 'Enregistrer le bureau Médiane',
      defaultPath: join(DOCS, 'Médiane-Lunel.mediane'),
      filters: [{ name: 'Bureau Médiane', extensions: ['mediane'] }],
    });
    expect((call!.options as SaveDialogOptions).properties).toContain('showOverwriteConfirmation');
  });

  it('adds the extension when the dialog returns a name without it (Linux dialogs do not)', async () => {
    const { dialog, dialogs } = setup();
    dialog.saveAnswer = { canceled: false, filePath: join(DOCS, 'bureau') };
    expect(await dialogs.pickSave('desk', 'x.mediane')).toBe(join(DOCS, 'bureau.mediane'));
    dialog.saveAnswer = { canceled: false, filePath: join(DOCS, 'BUREAU.MEDIANE') };
    expect(await dialogs.pickSave('desk', 'x.mediane')).toBe(join(DOCS, 'BUREAU.MEDIANE'));
  });

  it('answers null when the user cancels either dialog', async () => {
    const { dialog, dialogs } = setup();
    dialog.saveAnswer = { canceled: true, filePath: '' };
    dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(await dialogs.pickSave('desk', 'x.mediane')).toBeNull();
    expect(await dialogs.pickOpen('desk')).toBeNull();
    dialog.openAnswer = { canceled: false, filePaths: [] };
    expect(await dialogs.pickOpen('desk')).toBeNull();
  });

  it('opens one file from Documents, desk files first, in English when the app is in English', async () => {
    const { dialog, dialogs } = setup({ locale: 'en' });
    dialog.openAnswer = { canceled: false, filePaths: [join(DOCS, 'old-pc.mediane')] };
    expect(await dialogs.pickOpen('desk')).toBe(join(DOCS, 'old-pc.mediane'));
    const options = dialog.calls[0]!.options as OpenDialogOptions;
    expect(options.title).toBe('Choose a Médiane desk file');
    expect(options.defaultPath).toBe(DOCS);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters![0]).toEqual({ name: 'Médiane desk', extensions: ['mediane'] });
  });

  it('still shows the dialogs when no window is open', async () => {
    const { dialog, dialogs } = setup({ window: null });
    dialog.openAnswer = { canceled: false, filePaths: ['/tmp/a.mediane'] };
    await dialogs.pickOpen('desk');
    expect(dialog.calls[0]!.window).toBeNull();
  });
});
