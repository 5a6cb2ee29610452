import type { Page } from '@playwright/test';
import type { RpcResult } from './transport';

/** Asks main for app:info through the preload bridge the window exposes (window.cohortDesk). */
export async function appInfoViaPreload(window: Page): Promise<RpcResult> {
  return window.evaluate(async () => {
    const bridge = (
      window as unknown as { cohortDesk?: { invoke(c: string, p?: unknown): Promise<unknown> } }
    ).cohortDesk;
    if (bridge === undefined)
      throw new Error('window.cohortDesk is missing: the preload did not run');
    return (await bridge.invoke('app:info')) as RpcResult;
  });
}
