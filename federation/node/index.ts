/**
 * National node server: Beacon v2.1.1 (under /api), the htsget mount (under /htsget), passport
 * validation (PASS-02) and fault injection. See federation/node/README section in the report.
 */
import type { DatasetPolicy } from '../catalogue';
import { granularityFor as decide, type AccessContext } from './access/policy';

export { startNode, type NodeHandle, type StartNodeOptions } from './server';
export type { FaultConfig } from './faults';
export {
  createAccessResolver,
  InvalidTokenError,
  type AccessResolver,
  type AccessResolverOptions,
} from './access/resolver';
export type { AccessContext } from './access/policy';
export type { TrustedIssuer } from './access/visa';
export { createLogger, createMemoryLogger, type Logger } from './log';

/** Per-dataset granularity for a resolved passport (STANDARDS 3.4 mapping used by Beacon and htsget). */
export function granularityFor(
  ds: DatasetPolicy,
  access: AccessContext,
): 'boolean' | 'count' | 'record' {
  return decide(ds, access);
}
