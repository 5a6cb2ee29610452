// The pull service's types, apart from its logic (files stay under 300 lines).
import type {
  PullCheck,
  PullProgress,
  PullQuery,
  PullSaid,
  PullTarget,
} from '../../../shared/vault/vault';
import type { VaultNoteCoded } from '../../../shared/vault/vaultNote';
import type { VaultUser } from '../vault/datasetFolder';
import type { Cursor, Staging } from '../vault/staging';

/** Thrown by start() when the checks forbid a pull; carries the target and the check. */
export class PullForbiddenError extends Error {
  constructor(
    readonly target: PullTarget,
    readonly check: PullCheck,
  ) {
    super(check.reasons.join(' '));
  }
}

/** How a job's run ends early: the state it goes to and why. */
export class Stop extends Error {
  constructor(
    readonly to: 'paused' | 'cancelled' | 'failed',
    message: string,
    readonly said?: PullSaid,
    /** Why the vault purged the job's staged pages, as its notes word it. */
    readonly purged?: VaultNoteCoded,
  ) {
    super(message);
  }
}

/** A job as the service holds it (never sent: pull:jobs sends PullProgress). */
export interface Job {
  cursor: Cursor;
  user: VaultUser;
  staging: Staging;
  state: PullProgress['state'];
  message?: string | undefined;
  /** `message` as a code the renderer words (decision 0063). */
  said?: PullSaid | undefined;
  /** The vault purged the job's staged pages: why, as a vault note (issue 22). */
  purged?: VaultNoteCoded | undefined;
  abort?: AbortController | undefined;
  since?: { at: number; records: number };
}

export interface PullService {
  check(t: PullTarget): Promise<PullCheck>;
  start(t: PullTarget, query: PullQuery): Promise<{ jobId: string }>;
  pause(jobId: string): boolean;
  /** Waits for the vault to open at start, so a pull interrupted by a restart can be resumed. */
  resume(jobId: string): Promise<boolean>;
  cancel(jobId: string): boolean;
  /** Waits for the vault to open at start: listed before, an interrupted pull was missing. */
  jobs(): Promise<PullProgress[]>;
  /** Stops running jobs where they are (cursor kept): app shutdown. */
  close(): void;
}
