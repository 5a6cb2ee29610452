import { useSyncExternalStore } from 'react';
import type { ServiceState } from '../api/serviceState';
import { serviceState, subscribeServiceState } from '../api/serviceState';

/** The page's link to main (starting, ready, launch required, stopped), as React state. */
export function useServiceState(): ServiceState {
  return useSyncExternalStore(subscribeServiceState, serviceState);
}
