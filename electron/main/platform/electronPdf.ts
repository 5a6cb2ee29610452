import { BrowserWindow, session } from 'electron';

/**
 * The report's PDF in the app (issue 18): a hidden, sandboxed window without JavaScript in an
 * in-memory session that refuses every request but the page itself, so printing is offline and
 * uses the fonts the app's windows use. Electron's webContents.printToPDF lays it out on A4.
 */
export async function electronPrintToPdf(html: string): Promise<Buffer> {
  const ses = session.fromPartition('report-pdf');
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith('data:') });
  });
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      javascript: false,
      session: ses,
      contextIsolation: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    );
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    win.destroy();
  }
}
