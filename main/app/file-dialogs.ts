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
export const GUIDE_PACK_EXTENSION = 'json';

// The main process has no i18next: the dialogs' texts live here, in the app's two languages, one entry per purpose
// (a new purpose adds its extension and texts here; the type makes the entry mandatory).
interface PurposeTexts {
  saveTitle: string;
  openTitle: string;
  filter: string;
}
const SHEET_FR: PurposeTexts = {
  saveTitle: 'Enregistrer l’export',
  openTitle: 'Choisir l’export de l’outil national',
  filter: 'Tableur',
};
const SHEET_EN: PurposeTexts = {
  saveTitle: 'Save the export',
  openTitle: 'Choose the national tool’s export',
  filter: 'Spreadsheet',
};
const PURPOSES: Record<FilePurpose, { extensions: string[]; fr: PurposeTexts; en: PurposeTexts }> = {
  desk: {
    extensions: [DESK_EXTENSION],
    fr: {
      saveTitle: 'Enregistrer le bureau Médiane',
      openTitle: 'Choisir un fichier de bureau Médiane',
      filter: 'Bureau Médiane',
    },
    en: { saveTitle: 'Save the Médiane desk', openTitle: 'Choose a Médiane desk file', filter: 'Médiane desk' },
  },
  pdf: {
    extensions: ['pdf'],
    fr: { saveTitle: 'Enregistrer en PDF', openTitle: 'Choisir un PDF', filter: 'Document PDF' },
    en: { saveTitle: 'Save as PDF', openTitle: 'Choose a PDF', filter: 'PDF document' },
  },
  guidePack: {
    extensions: ['json'],
    fr: {
      saveTitle: 'Enregistrer le paquet de guides',
      openTitle: 'Choisir un paquet de guides',
      filter: 'Paquet de guides (JSON)',
    },
    en: { saveTitle: 'Save the guide pack', openTitle: 'Choose a guide pack', filter: 'Guide pack (JSON)' },
  },
  snapshots: {
    extensions: ['json'],
    fr: {
      saveTitle: 'Enregistrer les statistiques à transmettre',
      openTitle: 'Choisir un fichier de statistiques',
      filter: 'Statistiques Médiane (JSON)',
    },
    en: {
      saveTitle: 'Save the statistics to hand over',
      openTitle: 'Choose a statistics file',
      filter: 'Médiane statistics (JSON)',
    },
  },
  catalogue: {
    extensions: ['zip'],
    fr: {
      saveTitle: 'Enregistrer une archive service-public.fr',
      openTitle: 'Choisir une archive service-public.fr (zip)',
      filter: 'Archive service-public.fr',
    },
    en: {
      saveTitle: 'Save a service-public.fr archive',
      openTitle: 'Choose a service-public.fr archive (zip)',
      filter: 'service-public.fr archive',
    },
  },
  csv: { extensions: ['csv'], fr: SHEET_FR, en: SHEET_EN },
  xlsx: { extensions: ['xlsx'], fr: SHEET_FR, en: SHEET_EN },
  ods: { extensions: ['ods'], fr: SHEET_FR, en: SHEET_EN },
  spreadsheet: { extensions: ['xlsx', 'csv'], fr: SHEET_FR, en: SHEET_EN },
  contentPack: {
    extensions: ['json'],
    fr: {
      saveTitle: 'Enregistrer un paquet de contenus signé',
      openTitle: 'Choisir un paquet de contenus signé',
      filter: 'Paquet de contenus signé (JSON)',
    },
    en: {
      saveTitle: 'Save a signed content pack',
      openTitle: 'Choose a signed content pack',
      filter: 'Signed content pack (JSON)',
    },
  },
};
const ALL_FILES = { fr: 'Tous les fichiers', en: 'All files' } as const;

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
  const filters = (purpose: FilePurpose) => {
    const { extensions, ...texts } = PURPOSES[purpose];
    const t = { ...texts[locale()], all: ALL_FILES[locale()] };
    return { t, extensions, filters: [{ name: t.filter, extensions }] };
  };

  return {
    async pickSave(purpose, suggestedName) {
      const { t, extensions, filters: list } = filters(purpose);
      const result = await save({
        title: t.saveTitle,
        defaultPath: join(documentsDir, suggestedName),
        filters: list,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      // Linux dialogs do not add the filter's extension: add it, so the file is recognised on the other computer.
      return extensions.some((e) => result.filePath!.toLowerCase().endsWith(`.${e}`))
        ? result.filePath
        : `${result.filePath}.${extensions[0]}`;
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
