import { app, BrowserWindow, dialog, net, shell } from 'electron';
import type { KeyStorage } from './keyStorage';
import { readManagedPolicy } from './managedPolicy';
import type { AppPaths } from './paths';
import type { Platform } from './platform';
import { createSafeStorageKeys } from './safeStorageKeys';
import { electronPrintToPdf } from './electronPdf';

/** The platform inside Electron: net.fetch (proxies and OS trust store apply), shell for links. */
export function createElectronPlatform(paths: AppPaths): Platform {
  let keys: Promise<KeyStorage> | undefined;
  return {
    kind: 'electron',
    // The same folders as browser mode and the CLI (issue 21); index.ts gave them to Electron.
    paths: { data: paths.data, logs: paths.logs, cache: paths.cache },
    fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      net.fetch(input instanceof URL ? input.toString() : input, init),
    openExternal: async (url) => {
      await shell.openExternal(url);
      return true;
    },
    // Decided once per run, after app 'ready' (safeStorage reports 'unknown' before it).
    keyStorage: () => (keys ??= createSafeStorageKeys()),
    managedPolicy: () => readManagedPolicy(process.platform),
    printToPdf: electronPrintToPdf,
    chooseFile: async (opts) => {
      const window = BrowserWindow.getFocusedWindow();
      const options = {
        title: opts.title,
        filters: opts.filters,
        properties: ['openFile' as const],
      };
      const r =
        window === null
          ? await dialog.showOpenDialog(options)
          : await dialog.showOpenDialog(window, options);
      return r.canceled ? undefined : r.filePaths[0];
    },
    // getLocale is the UI locale Chromium chose; the preferred list comes first (issue 22).
    systemLanguages: () => [...app.getPreferredSystemLanguages(), app.getLocale()],
    runtime: () => ({
      kind: 'electron',
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
    }),
  };
}
