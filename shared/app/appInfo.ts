import { z } from 'zod';

/**
 * How a window outside Electron reaches main, as a code the renderer words (issue 22, decision
 * 0076): browser mode's loopback WebSocket, or main's router called in the same process (the
 * command line, tests).
 */
export const RUNTIME_TRANSPORTS = ['loopback-websocket', 'in-process'] as const;
export type RuntimeTransport = (typeof RUNTIME_TRANSPORTS)[number];

export const RuntimeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('electron'),
    electron: z.string(),
    chrome: z.string(),
    node: z.string(),
  }),
  z.object({ kind: z.literal('browser'), transport: z.enum(RUNTIME_TRANSPORTS), node: z.string() }),
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
