import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import {
  TRANSPORT_EVENT,
  TRANSPORT_INVOKE,
  isChannelName,
  isEventName,
} from '../../shared/ipc/names';

/**
 * The preload (CONVENTIONS rule 4): a sandboxed CommonJS bundle exposing only invoke(listed channel)
 * and on(listed event) with an unsubscribe function. ipcRenderer itself never reaches the page, and
 * callbacks are wrapped so the page never sees the IPC event object (checklist 20).
 */
const api = Object.freeze({
  invoke(channel: unknown, payload?: unknown): Promise<unknown> {
    if (!isChannelName(channel))
      return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(TRANSPORT_INVOKE, channel, payload);
  },
  on(event: unknown, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
    const wrapped = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(TRANSPORT_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(TRANSPORT_EVENT, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('cohortDesk', api);
