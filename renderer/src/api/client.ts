import type {
  ChannelName,
  EventName,
  EventPayloadOf,
  RequestOf,
  ResponseOf,
} from '../../../shared/ipc';
import { channels, events } from '../../../shared/ipc';
import { z } from 'zod';
import type { AppError, ErrorCode, Result } from '../../../shared/result';
import { AppErrorSchema, ERROR_CODES } from '../../../shared/appError';
import type { Transport } from './transport';
import { electronTransport } from './transport';
import { TransportError } from './transportError';

/** The typed client every feature uses; no feature code knows which transport runs. */
export interface ApiClient {
  readonly transport: Transport['kind'];
  invoke<C extends ChannelName>(
    channel: C,
    ...request: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
  ): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}

/** Wraps a transport with the contract's schemas: responses and events are parsed, never trusted. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async invoke(channel, ...request) {
      try {
        const raw = (await transport.invoke(channel, request[0])) as Result<unknown>;
        if (!raw.ok) return { ok: false, error: readError(raw.error) };
        const parsed = channels[channel].response.safeParse(raw.value);
        return parsed.success
          ? { ok: true, value: parsed.data as ResponseOf<typeof channel> }
          : {
              ok: false,
              error: {
                code: 'INTERNAL',
                message: 'Cohort Desk received an answer it did not understand.',
                key: 'notUnderstood',
              },
            };
      } catch (error: unknown) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error:
            error instanceof NotConnectedError
              ? { code: 'INTERNAL', message, key: 'notConnected' }
              : error instanceof TransportError
                ? { code: 'INTERNAL', message, key: error.key }
                : { code: 'INTERNAL', message },
        };
      }
    },
    on(event, listener) {
      return transport.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        // The schema is events[event]; TypeScript cannot narrow the union of payloads by the key.
        if (parsed.success) listener(parsed.data as EventPayloadOf<typeof event>);
      });
    },
  };
}

/**
 * An error Result's error, parsed like any answer (decision 0063): a key the catalogue lacks or
 * parameters out of bounds are dropped and main's English is shown; no message at all reads as
 * an answer not understood.
 */
export function readError(raw: unknown): AppError {
  const full = AppErrorSchema.safeParse(raw);
  if (full.success) return full.data;
  const plain = PlainErrorSchema.safeParse(raw);
  if (!plain.success)
    return {
      code: 'INTERNAL',
      message: 'Cohort Desk received an answer it did not understand.',
      key: 'notUnderstood',
    };
  const { code, message, where } = plain.data;
  return {
    code: (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL',
    message,
    ...(where === undefined ? {} : { where }),
  };
}

/** What is kept of an error whose code, key or parameters this window does not know. */
const PlainErrorSchema = z.object({
  code: z.string(),
  message: z.string().max(20_000),
  where: z.string().max(2000).optional(),
});

/** No transport yet: its own class, so the client can word it. */
class NotConnectedError extends Error {}

let client: ApiClient | undefined;

/**
 * Until a transport is there (browser mode before connectToMain, a test that set none), calls end
 * as an error Result like any other failure, and events never arrive.
 */
const notConnected: Transport = {
  kind: 'browser',
  invoke: () =>
    Promise.reject(new NotConnectedError('Cohort Desk is not connected to its service.')),
  on: () => () => undefined,
};

/**
 * The app's client: Electron's preload when present, else browser mode's WebSocket, which
 * connectToMain installs once this tab has its session (the app renders only after that).
 */
export function api(): ApiClient {
  if (client !== undefined) return client;
  const transport = electronTransport();
  if (transport === undefined) return createApiClient(notConnected);
  client = createApiClient(transport);
  return client;
}

/** Test hook: replace the client (jsdom tests inject a fake transport). */
export function setApiClient(next: ApiClient | undefined): void {
  client = next;
}
