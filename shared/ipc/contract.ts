import { z } from 'zod';
import { AppInfoSchema } from '../domain/appInfo';
import { SettingsPatchSchema, SettingsViewSchema } from '../domain/settings';
import * as search from '../search/channels';
import { SearchQuerySchema } from '../search/query';
import { NodeUpdateSchema, SearchDoneSchema } from '../search/results';
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
  'search:run': {
    request: search.RunRequestSchema,
    response: z.object({ queryId: z.string(), nodes: z.number().int().nonnegative() }),
  },
  'search:cancel': {
    request: search.QueryIdSchema,
    response: z.object({ cancelled: z.boolean() }),
  },
  'search:retryNode': {
    request: search.RetryRequestSchema,
    response: z.object({ retried: z.boolean() }),
  },
  'search:recent': { request: z.undefined(), response: search.RecentListSchema },
  'search:suggest': { request: search.SuggestRequestSchema, response: search.SuggestResponseSchema },
  'search:saveQuery': { request: search.SaveRequestSchema, response: search.SaveResponseSchema },
  'search:openQuery': { request: search.OpenRequestSchema, response: SearchQuerySchema },
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export const events = {
  'settings:changed': SettingsViewSchema,
  'search:nodeUpdate': NodeUpdateSchema,
  'search:done': SearchDoneSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Channels = typeof channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;
