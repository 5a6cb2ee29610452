import { ipcMain } from 'electron';
import type { BrowserWindow } from 'electron';
import { TRANSPORT_EVENT, TRANSPORT_INVOKE } from '../../../shared/ipc';
import type { EventHub } from './events';
import type { Router } from './router';

/**
 * The Electron transport: the only file that imports ipcMain (CONVENTIONS rule 3). The router checks
 * the sender frame's URL (checklist 17), so an injected foreign frame gets FORBIDDEN_SENDER.
 */
export function attachElectronTransport(
  router: Router,
  events: EventHub,
  window: BrowserWindow,
): () => void {
  ipcMain.handle(TRANSPORT_INVOKE, (event, channel: unknown, payload: unknown) =>
    router.invoke(channel, payload, { url: event.senderFrame?.url }),
  );
  const unsubscribe = events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(TRANSPORT_EVENT, name, payload);
  });
  return () => {
    ipcMain.removeHandler(TRANSPORT_INVOKE);
    unsubscribe();
  };
}
