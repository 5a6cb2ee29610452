import { z } from 'zod';

export const RuntimeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('electron'),
    electron: z.string(),
    chrome: z.string(),
    node: z.string(),
  }),
  z.object({ kind: z.literal('browser'), transport: z.string(), node: z.string() }),
]);

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  runtime: RuntimeSchema,
  paths: z.object({ data: z.string(), logs: z.string(), policy: z.string() }),
  /**
   * The operating system's preferred languages (BCP 47, most preferred first) in the Electron app;
   * absent in browser mode, where the page's navigator.languages says it (issue 22).
   */
  systemLanguages: z.array(z.string().max(35)).max(20).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
export type Runtime = z.infer<typeof RuntimeSchema>;
