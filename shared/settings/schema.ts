import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const Settings = z.object({ locale: z.enum(LOCALES) });
export type Settings = z.infer<typeof Settings>;

export const SettingsInput = z.object({ locale: z.enum(LOCALES) }).strict();
