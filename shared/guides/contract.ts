import { z } from 'zod';
import { mutation, noInput, query } from '../contract-kit';
import {
  BlockInput,
  ExportPackInput,
  ExportPackResult,
  GuideDetail,
  GuideRef,
  GuideSummary,
  HolderInput,
  ImportPackInput,
  ImportPackResult,
  OpenGuideInput,
  Preferences,
  RevertResult,
  SaveOverrideInput,
  SessionGuides,
  TickInput,
} from './api';

export const guidesContract = {
  'guides.list': query(noInput, z.array(GuideSummary)),
  'guides.get': query(GuideRef, GuideDetail),
  /** Saves the desk's own version of a guide (a whole copy, marked local); a new id adds a guide. */
  'guides.saveOverride': mutation(SaveOverrideInput, GuideDetail),
  /** Back to the shipped text (a guide the desk added is removed: detail null). */
  'guides.revert': mutation(GuideRef, RevertResult),
  /** Writes the desk's own guides (edited or added) to a pack file the user chose. */
  'guides.exportPack': mutation(ExportPackInput, ExportPackResult),
  /** Reads a pack: every guide valid or nothing written. */
  'guides.importPack': mutation(ImportPackInput, ImportPackResult),
  // Guided mode: the guides a running timer or a session follows, and their ticked steps.
  'guides.session': query(HolderInput, SessionGuides),
  'guides.open': mutation(OpenGuideInput, SessionGuides),
  'guides.tick': mutation(TickInput, SessionGuides),
  'guides.block': mutation(BlockInput, SessionGuides),
  'guides.close': mutation(OpenGuideInput, SessionGuides),
  /** The guides the journal's sessions used (the journal's filter by guide). */
  'guides.used': query(noInput, z.array(z.object({ id: z.string(), title: z.string() }))),
  'guides.preferences': query(noInput, Preferences),
  'guides.setPreferences': mutation(Preferences, Preferences),
} as const;
