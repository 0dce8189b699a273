import { join } from 'node:path';
import type {
  BaseWindow,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { FilePurpose } from '../../shared/files/schema';

// The desktop app's answer to "which file?": the system's own save and open dialogs, attached to the main window.
// The chosen path stays in the main process; the core turns it into an opaque single-use id for the renderer.

/** What the core asks a host for (absolute paths; null: the user cancelled). */
export interface FileDialogs {
  pickSave(purpose: FilePurpose, suggestedName: string): Promise<string | null>;
  pickOpen(purpose: FilePurpose): Promise<string | null>;
}

/** The part of Electron's `dialog` used here, so tests can fake it. */
export interface DialogLike {
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

export const DESK_EXTENSION = 'mediane';
// The main process has no i18next: these few dialog texts live here, in the app's two languages.
const TEXTS = {
  fr: {
    saveTitle: 'Enregistrer le bureau Médiane',
    openTitle: 'Choisir un fichier de bureau Médiane',
    filter: 'Bureau Médiane',
    savePdfTitle: 'Enregistrer en PDF',
    openPdfTitle: 'Choisir un PDF',
    pdfFilter: 'Document PDF',
    spreadsheet: 'Tableur',
    saveSpreadsheetTitle: 'Enregistrer l’export',
    openSpreadsheetTitle: 'Choisir l’export de l’outil national',
    all: 'Tous les fichiers',
  },
  en: {
    saveTitle: 'Save the Médiane desk',
    openTitle: 'Choose a Médiane desk file',
    filter: 'Médiane desk',
    savePdfTitle: 'Save as PDF',
    openPdfTitle: 'Choose a PDF',
    pdfFilter: 'PDF document',
    spreadsheet: 'Spreadsheet',
    saveSpreadsheetTitle: 'Save the export',
    openSpreadsheetTitle: 'Choose the national tool’s export',
    all: 'All files',
  },
} as const;

export interface FileDialogsOptions {
  dialog: DialogLike;
  /** The window the dialogs belong to (modal to it); null: none open. */
  getWindow(): BaseWindow | null;
  /** The user's Documents folder, where the dialogs open. */
  documentsDir: string;
  locale(): 'fr' | 'en';
}

export function createFileDialogs({ dialog, getWindow, documentsDir, locale }: FileDialogsOptions): FileDialogs {
  const save = (options: SaveDialogOptions) => {
    const win = getWindow();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  };
  const open = (options: OpenDialogOptions) => {
    const win = getWindow();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  };
  // A new purpose adds its extension, titles and filter name here.
  const filters = (purpose: FilePurpose) => {
    const texts = TEXTS[locale()];
    const sheet = (extensions: string[]) => ({
      extensions,
      saveTitle: texts.saveSpreadsheetTitle,
      openTitle: texts.openSpreadsheetTitle,
      name: texts.spreadsheet,
    });
    const byPurpose = {
      desk: {
        extensions: [DESK_EXTENSION],
        saveTitle: texts.saveTitle,
        openTitle: texts.openTitle,
        name: texts.filter,
      },
      pdf: { extensions: ['pdf'], saveTitle: texts.savePdfTitle, openTitle: texts.openPdfTitle, name: texts.pdfFilter },
      csv: sheet(['csv']),
      xlsx: sheet(['xlsx']),
      ods: sheet(['ods']),
      spreadsheet: sheet(['xlsx', 'csv']),
    }[purpose];
    const t = { ...byPurpose, all: texts.all };
    return {
      t,
      extension: byPurpose.extensions[0]!,
      filters: [{ name: byPurpose.name, extensions: byPurpose.extensions }],
    };
  };

  return {
    async pickSave(purpose, suggestedName) {
      const { t, extension, filters: list } = filters(purpose);
      const result = await save({
        title: t.saveTitle,
        defaultPath: join(documentsDir, suggestedName),
        filters: list,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      // Linux dialogs do not add the filter's extension: add it, so the file is recognised on the other computer.
      return result.filePath.toLowerCase().endsWith(`.${extension}`)
        ? result.filePath
        : `${result.filePath}.${extension}`;
    },
    async pickOpen(purpose) {
      const { t, filters: list } = filters(purpose);
      // "All files" too: a desk file renamed on the way (by a mail client, a USB tool) can still be chosen; the core
      // recognises a desk file by its content, not its name.
      const result = await open({
        title: t.openTitle,
        defaultPath: documentsDir,
        filters: [...list, { name: t.all, extensions: ['*'] }],
        properties: ['openFile'],
      });
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!;
    },
  };
}
