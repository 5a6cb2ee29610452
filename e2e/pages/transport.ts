import type { Page } from '@playwright/test';

/** A Result as the router returns it over any transport. */
export type RpcResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; where?: string } };

/**
 * Invokes a channel the way a script in the page could: its own WebSocket to /rpc (the browser sends
 * the session cookie and the page's Origin), bypassing the UI entirely.
 */
export async function invokeFromPage(
  page: Page,
  channel: string,
  payload?: unknown,
): Promise<RpcResult> {
  return page.evaluate(
    async ({ channel: name, payload: body }) =>
      new Promise<RpcResult>((resolve, reject) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/rpc`);
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
    { channel, payload },
  );
}

/** Sends one raw text frame to /rpc from the page and resolves with the close code the server chose. */
export async function closeCodeAfterRawFrame(page: Page, text: string): Promise<number> {
  return page.evaluate(
    async (frame) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/rpc`);
        ws.addEventListener('open', () => ws.send(frame));
        ws.addEventListener('close', (event) => resolve(event.code));
      }),
    text,
  );
}
