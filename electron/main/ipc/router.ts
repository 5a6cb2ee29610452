import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import { channels, isChannelName } from '../../../shared/ipc';
import type { ErrorWords } from '../../../shared/appError';
import { words } from '../../../shared/appError';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { Logger } from '../logging/logger';

/** Who sent a request: the URL of the frame (Electron senderFrame) or the page origin (browser mode). */
export interface Sender {
  readonly url: string | undefined;
}

/** Gets its request already parsed by the router (schema output, defaults filled): never parse again. */
export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  sender: Sender,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type Handlers = { [C in ChannelName]: Handler<C> };

/**
 * An error a handler throws on purpose: it reaches the renderer as a typed Result error. `said`
 * is the same refusal as a code the renderer words in the user's language (issue 22, decision
 * 0063); `message` stays English for the logs and the command line.
 */
export class HandlerError extends Error {
  constructor(
    readonly code: 'LOCKED_BY_POLICY' | 'NOT_ALLOWED' | 'INVALID_REQUEST',
    message: string,
    readonly where?: string,
    readonly said?: ErrorWords,
  ) {
    super(message);
  }
}

export interface Router {
  /** Checks the sender, parses the payload, runs the handler and returns a Result; never throws. */
  invoke(channel: unknown, payload: unknown, sender: Sender): Promise<Result<unknown>>;
}

/**
 * The one router (CONVENTIONS rule 3): transport-agnostic, so Electron IPC, the browser-mode
 * WebSocket and tests all exercise the same handlers. Checks the sender frame (Electron checklist 17).
 */
export function createRouter(opts: {
  handlers: Handlers;
  isTrustedSender: (sender: Sender) => boolean;
  logger: Logger;
}): Router {
  const { handlers, isTrustedSender, logger } = opts;
  return {
    async invoke(channel, payload, sender) {
      if (!isTrustedSender(sender)) {
        logger.warn('ipc.rejected_sender', { channel: String(channel), sender: sender.url ?? '' });
        return err(
          'FORBIDDEN_SENDER',
          'This request did not come from Cohort Desk and was refused.',
          undefined,
          words('forbiddenSender'),
        );
      }
      if (!isChannelName(channel)) {
        logger.warn('ipc.unknown_channel', { channel: String(channel) });
        return err(
          'UNKNOWN_CHANNEL',
          `Unknown request "${String(channel)}".`,
          undefined,
          words('unknownChannel', { channel: String(channel).slice(0, 200) }),
        );
      }
      return dispatch(channel, payload, sender);
    },
  };

  async function dispatch(
    channel: ChannelName,
    payload: unknown,
    sender: Sender,
  ): Promise<Result<unknown>> {
    const parsed = channels[channel].request.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      logger.warn('ipc.invalid_request', { channel, where });
      return err(
        'INVALID_REQUEST',
        `The request "${channel}" was not valid: ${issue?.message ?? 'unknown problem'}.`,
        where === '' ? channel : `${channel}:${where}`,
        // zod's own sentence stays in the English message; the words name the field.
        words('invalidRequest', { channel, field: where === '' ? '—' : where }),
      );
    }
    try {
      // The parse above checked the payload against this channel's schema.
      const handler = handlers[channel] as (request: unknown, sender: Sender) => unknown;
      const value = await handler(parsed.data, sender);
      return ok(channels[channel].response.parse(value));
    } catch (error: unknown) {
      if (error instanceof HandlerError) {
        return err(error.code, error.message, error.where, error.said);
      }
      logger.error('ipc.handler_failed', { channel, error });
      return err(
        'INTERNAL',
        'Something went wrong in Cohort Desk. The details are in the log file.',
        undefined,
        words('internal'),
      );
    }
  }
}
