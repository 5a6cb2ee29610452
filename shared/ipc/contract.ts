import { z } from 'zod';
import { AppInfoSchema } from '../domain/appInfo';
import { SettingsPatchSchema, SettingsViewSchema } from '../domain/settings';
import type { ChannelName, EventName } from './names';

/**
 * The IPC contract: request and response schemas per channel, payload schema per pushed event.
 * Main parses requests with these; the renderer client parses responses with them.
 */
export const channels = {
  'app:info': { request: z.undefined(), response: AppInfoSchema },
  'app:openExternal': {
    request: z.object({ url: z.string().max(2048) }),
    response: z.object({ opened: z.boolean(), delegated: z.boolean() }),
  },
  'settings:get': { request: z.undefined(), response: SettingsViewSchema },
  'settings:set': { request: SettingsPatchSchema, response: SettingsViewSchema },
  'settings:dismissNotice': {
    request: z.object({ id: z.string().max(200) }),
    response: SettingsViewSchema,
  },
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export const events = {
  'settings:changed': SettingsViewSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Channels = typeof channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;
