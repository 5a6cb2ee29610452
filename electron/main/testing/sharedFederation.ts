import { inject } from 'vitest';
import type { FederationInfo } from '../../../federation/federationInfo';

/** The demo federation the node project's global setup started once (federation.globalSetup.ts). */
export interface SharedFederation {
  readonly info: FederationInfo;
  /** Its federation.json, the app's embedded directory. */
  readonly infoFile: string;
  /** The generated data's ground truth (what every node holds). */
  readonly truthFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedFederation: SharedFederation;
  }
}

/**
 * The shared demo federation, for tests that only read from it: no faults, no grant changes, the
 * nodes' default passport cache. Its handle stays in the setup process, so it cannot be changed here.
 */
export function sharedFederation(): SharedFederation {
  return inject('sharedFederation');
}
