/**
 * Whether the page has a working link to Cohort Desk's main process. In Electron it always has; in
 * browser mode the page must first be opened by the launcher (issue 13), and the local service can
 * stop while the tab stays open. A tiny external store, read with useServiceState.
 */
export type LaunchProblem =
  /** Opened without a launch code and without this tab's session (a bookmark, a typed address). */
  | 'no-session'
  /** The launch code was already spent or is not this run's. */
  | 'link-used'
  /** This tab's session belongs to an earlier run of the app. */
  | 'session-ended';

export type ServiceState =
  | { readonly kind: 'starting' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'launch-required'; readonly problem: LaunchProblem }
  /** The local service went away after this page was using it (issue 13). */
  | { readonly kind: 'stopped' };

let current: ServiceState = { kind: 'starting' };
const listeners = new Set<() => void>();

/** The current state. */
export const serviceState = (): ServiceState => current;

/** Moves to a new state; `stopped` is final (a new launch is a new page). */
export function setServiceState(next: ServiceState): void {
  if (current.kind === 'stopped' || current === next) return;
  current = next;
  for (const listener of listeners) listener();
}

/** Subscribes to changes; returns the unsubscribe function. */
export function subscribeServiceState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
