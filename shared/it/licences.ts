import { z } from 'zod';

/** One third-party package shipped inside the app, with its licence text (issue 21). */
export const LicenceEntrySchema = z.object({
  name: z.string(),
  version: z.string(),
  /** SPDX expression as the package declares it. */
  license: z.string(),
  /** The package's LICENSE/COPYING/NOTICE text; empty when the package ships none. */
  text: z.string(),
});
export type LicenceEntry = z.infer<typeof LicenceEntrySchema>;

/** The notices file the build writes next to the renderer (third-party-licences.json). */
export const LicenceNoticesSchema = z.object({
  app: z.string(),
  version: z.string(),
  packages: z.array(LicenceEntrySchema),
});
export type LicenceNotices = z.infer<typeof LicenceNoticesSchema>;

/** Where the renderer finds the notices, relative to its index.html. */
export const LICENCE_NOTICES_FILE = 'third-party-licences.json';
