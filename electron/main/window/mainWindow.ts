import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { readWindowState, visibleBounds, writeWindowState } from './windowState';

/**
 * Creates the one app window, locked down (checklist 2-4, 6, 8-10): sandbox, context isolation, no
 * Node in the page or its workers, web security on. Size and position are remembered.
 */
export function createMainWindow(opts: {
  preload: string;
  dataDir: string;
  url: string;
}): BrowserWindow {
  const stateFile = join(opts.dataDir, 'window-state.json');
  const remembered = readWindowState(stateFile);
  const bounds = visibleBounds(
    remembered,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Cohort Desk',
    webPreferences: {
      preload: opts.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open a new window (Electronegativity AUXCLICK_JS_CHECK); none is ever wanted.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (remembered?.maximized === true) window.maximize();
  const save = (): void => {
    if (window.isDestroyed()) return;
    const { x, y, width, height } = window.getNormalBounds();
    writeWindowState(stateFile, { x, y, width, height, maximized: window.isMaximized() });
  };
  window.on('close', save);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(opts.url);
  return window;
}
