import type { Page } from '@playwright/test';
import { SESSION_STORAGE_KEY, rpcProtocols } from '../../shared/browserMode/session';

/** A Result as the router returns it over any transport. */
export type RpcResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; where?: string } };

/** The browser-mode session secret the page holds (decision 0002), as a page script reads it. */
export async function pageSessionSecret(page: Page): Promise<string> {
  const secret = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY);
  if (secret === null) throw new Error('the page holds no browser-mode session');
  return secret;
}

const pageProtocols = async (page: Page): Promise<string[]> =>
  rpcProtocols(await pageSessionSecret(page));

/**
 * Invokes a channel the way a script in the page could: its own WebSocket to /rpc with the page's
 * session and Origin, bypassing the UI entirely.
 */
export async function invokeFromPage(
  page: Page,
  channel: string,
  payload?: unknown,
): Promise<RpcResult> {
  const protocols = await pageProtocols(page);
  return page.evaluate(
    async ({ channel: name, payload: body, protocols: offered }) =>
      new Promise<RpcResult>((resolve, reject) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/rpc`, offered);
        ws.addEventListener('open', () => {
          ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: name, payload: body }));
        });
        ws.addEventListener('message', (message: MessageEvent<string>) => {
          const frame = JSON.parse(message.data) as {
            type: string;
            id?: number;
            result?: RpcResult;
          };
          if (frame.type === 'result' && frame.id === 1 && frame.result !== undefined) {
            resolve(frame.result);
            ws.close();
          }
        });
        ws.addEventListener('close', (event) =>
          reject(new Error(`socket closed: ${event.code} ${event.reason}`)),
        );
      }),
    { channel, payload, protocols },
  );
}

/** Sends one raw text frame to /rpc from the page and resolves with the close code the server chose. */
export async function closeCodeAfterRawFrame(page: Page, text: string): Promise<number> {
  const protocols = await pageProtocols(page);
  return page.evaluate(
    async ({ frame, offered }) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/rpc`, offered);
        ws.addEventListener('open', () => ws.send(frame));
        ws.addEventListener('close', (event) => resolve(event.code));
      }),
    { frame: text, offered: protocols },
  );
}
