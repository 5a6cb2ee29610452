import type { TokenSet } from './signInFlow';

/** After a network failure, the next refresh attempt (one timer, never a tight loop). */
export const REFRESH_RETRY_MS = 60_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The session's timers: refresh shortly before the access token expires (a quarter of its lifetime,
 * at most a minute, early), and a re-emit when a visa expires or enters its "expiring soon" window.
 * Timers never keep the process alive.
 */
export function createSessionTimers(handlers: {
  onRefreshDue: () => void;
  onAccessChange: () => void;
}): {
  scheduleRefresh(tokens: TokenSet, nowMs: number): void;
  retryRefreshLater(): void;
  scheduleAccessChange(at: number | undefined, nowMs: number): void;
  clear(): void;
} {
  let refreshTimer: NodeJS.Timeout | undefined;
  let accessTimer: { at: number; timer: NodeJS.Timeout } | undefined;
  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const timer = setTimeout(fn, Math.min(Math.max(ms, 0), MAX_TIMER_MS));
    timer.unref();
    return timer;
  };
  const setRefresh = (ms: number): void => {
    clearTimeout(refreshTimer);
    refreshTimer = later(ms, handlers.onRefreshDue);
  };
  return {
    scheduleRefresh(tokens, nowMs) {
      if (tokens.refreshToken === undefined) return;
      const ttl = tokens.accessExpiresAt - nowMs;
      setRefresh(ttl - Math.min(60_000, ttl / 4));
    },
    retryRefreshLater: () => setRefresh(REFRESH_RETRY_MS),
    scheduleAccessChange(at, nowMs) {
      if (at === undefined) return;
      if (accessTimer !== undefined && accessTimer.at === at) return;
      if (accessTimer !== undefined) clearTimeout(accessTimer.timer);
      // +5 ms: fire just after the instant, so the recomputed list sees it as passed.
      accessTimer = { at, timer: later(at - nowMs + 5, handlers.onAccessChange) };
    },
    clear() {
      clearTimeout(refreshTimer);
      if (accessTimer !== undefined) clearTimeout(accessTimer.timer);
      refreshTimer = undefined;
      accessTimer = undefined;
    },
  };
}
