import type { PolicySourceRead } from '../settings/policySource';
import type { RuntimeTransport } from '../../../shared/app/appInfo';
import type { KeyStorage } from './keyStorage';

/**
 * What differs between Electron and browser mode, behind one interface, so services never import
 * Electron directly (issue 7). Electron's implementation lives in electronPlatform.ts.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  readonly paths: {
    readonly data: string;
    readonly logs: string;
    /** The encrypted cache's folder when no policy sets one; absent: `<data>/vault` (issue 21). */
    readonly cache?: string;
  };
  /** All HTTP from main goes through here: Electron net.fetch in the app (proxies, OS trust store), Node fetch elsewhere. */
  readonly fetch: typeof fetch;
  /**
   * Opens an already allow-listed https URL in the system browser. Returns false when this platform
   * delegates opening to the page (browser mode: the page is already in a browser).
   */
  openExternal(url: string): Promise<boolean>;
  /**
   * Where secrets at rest are sealed (AUTH-08): Electron safeStorage when the OS store is real,
   * memory-only otherwise (with the reason); tests inject an explicit test key provider.
   */
  keyStorage(): Promise<KeyStorage>;
  /** The OS's policy mechanisms (Group Policy, configuration profiles), read once at start (issue 21). */
  managedPolicy(): PolicySourceRead[];
  /**
   * Main's own open dialog (Electron): the chosen file's path, which never reaches the renderer
   * (issue 16: pages get opaque handles). Absent where main has no windows (browser mode: the page
   * uploads the file instead).
   */
  chooseFile?(opts: {
    title: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | undefined>;
  /** The clinical report as an A4 PDF, printed offline (issue 18): Electron printToPDF, or headless Chromium. */
  printToPdf(html: string): Promise<Buffer>;
  /**
   * The OS's preferred languages, most preferred first (issue 22). Absent in browser mode: the
   * person's browser, not the server's OS, knows their language.
   */
  systemLanguages?(): string[];
  runtime():
    | { kind: 'electron'; electron: string; chrome: string; node: string }
    | { kind: 'browser'; transport: RuntimeTransport; node: string };
}
