import { z } from 'zod';
import { PACK_CHANNELS } from './pack';

// What the desk shows about its signed content (the "Contenus" screen) and what installing a pack answers.

export const Channel = z.enum(PACK_CHANNELS);

/** The pack in use on a channel (none: the content shipped with the app is in use). */
export const InstalledPack = z.object({
  version: z.number().int().min(1),
  issuedAt: z.string(),
  expiresAt: z.string(),
  keyId: z.string(),
  /** Past its expiry date: still in use (a desk is never locked out of its content), shown as "périmé". */
  stale: z.boolean(),
  installedAt: z.string(),
  files: z.number().int().nonnegative(),
  /** The version a rollback goes back to (kept on disk); null: back to the content shipped with the app. */
  previousVersion: z.number().int().min(1).nullable(),
});
export type InstalledPack = z.infer<typeof InstalledPack>;

export const ChannelState = z.object({
  channel: Channel,
  /** Whether this desk can use a pack of this channel (the diagnosis's questionnaire ships with the app for now). */
  supported: z.boolean(),
  /** The user can go back to the previous version (guides: switched in at once; a catalogue would need a re-import). */
  canRollBack: z.boolean(),
  installed: InstalledPack.nullable(),
});
export type ChannelState = z.infer<typeof ChannelState>;

export const ContentStatus = z.object({
  channels: z.array(ChannelState),
  /** The publishers' keys this desk trusts (pinned with the app). */
  trustedKeys: z.array(z.string()),
  /** Enrolled with a hub: packs can be fetched from it. */
  hubEnrolled: z.boolean(),
});
export type ContentStatus = z.infer<typeof ContentStatus>;

export const InstallFileInput = z.object({ sourceId: z.uuid() }).strict();
export const HubCheckInput = z.object({ channel: Channel }).strict();
export const RollbackInput = z.object({ channel: Channel }).strict();

export const InstallResult = z.object({
  channel: Channel,
  /** installed: a newer pack is now in use; upToDate: the hub has nothing newer; nothingPublished: no pack yet. */
  outcome: z.enum(['installed', 'upToDate', 'nothingPublished']),
  version: z.number().int().min(1).nullable(),
  stale: z.boolean(),
});
export type InstallResult = z.infer<typeof InstallResult>;
