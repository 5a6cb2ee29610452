/** How the renderer reaches main: Electron's preload bridge or browser mode's loopback WebSocket. */
export interface Transport {
  readonly kind: 'electron' | 'browser';
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload) in Electron; absent in browser mode. */
    readonly cohortDesk?: Omit<Transport, 'kind'>;
  }
}

/** The Electron transport, when the preload exposed it. */
export function electronTransport(): Transport | undefined {
  const bridge = window.cohortDesk;
  if (bridge === undefined) return undefined;
  return { kind: 'electron', invoke: (c, p) => bridge.invoke(c, p), on: (e, l) => bridge.on(e, l) };
}
