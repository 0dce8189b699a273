import { job, mutation, noInput, query } from '../contract-kit';
import { ContentStatus, HubCheckInput, InstallFileInput, InstallResult, RollbackInput } from './schema';

export const contentContract = {
  /** Per channel, the content in use: shipped with the app, or a signed pack (version, dates, key, stale). */
  'content.status': query(noInput, ContentStatus),
  /** Installs a signed pack the user picked (files.pickOpen, purpose 'contentPack'): verified, then switched in. */
  'content.installFile': job(InstallFileInput, InstallResult),
  /** Asks the desk's hub for a newer pack on a channel and installs it (verified here: the hub is not trusted). */
  'content.checkHub': job(HubCheckInput, InstallResult),
  /** Goes back to the guides pack the one in use replaced (kept on disk), or to the guides shipped with the app. */
  'content.rollback': mutation(RollbackInput, ContentStatus),
} as const;
