import type { Broker, FederationDirectory } from '../../../shared/federation/directory';
import { HandlerError } from '../ipc/router';
import { words } from '../../../shared/appError';

/**
 * The broker to sign in with: the one named (only a directory broker: an unknown issuer is never
 * contacted), else the first. No broker → a plain-words error with the next step.
 */
export function pickBroker(dir: FederationDirectory, issuer: string | undefined): Broker {
  const broker =
    issuer === undefined ? dir.brokers[0] : dir.brokers.find((b) => b.issuer === issuer);
  if (broker !== undefined) return broker;
  if (issuer !== undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      `${issuer} is not a sign-in service of this federation.`,
      undefined,
      words('notFederationBroker', { issuer }),
    );
  const why = dir.problem === undefined ? '' : ` (${dir.problem})`;
  throw new HandlerError(
    'NOT_ALLOWED',
    `No sign-in service is configured${why}. Start the demo federation or set the federation address in Settings.`,
    undefined,
    dir.problem === undefined ? words('noBroker') : words('noBrokerWhy', { detail: dir.problem }),
  );
}
