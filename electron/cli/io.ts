import type { CliTransport } from './transport';

/** What a command needs from its surroundings; tests pass their own. */
export interface CliContext {
  /** The transport, opened on first use (commands that need no services never load them). */
  transport(): Promise<CliTransport>;
  out(text: string): void;
  err(text: string): void;
  /** The directory relative paths are resolved against (npm run changes cwd; INIT_CWD keeps it). */
  readonly cwd: string;
  /**
   * The vault passphrase from a file descriptor or the terminal (passphrase.ts); undefined: none.
   * `prompt` is what the terminal shows (the default asks for the existing passphrase).
   */
  readPassphrase?(fd: number | undefined, prompt?: string): Promise<string | undefined>;
  /** Writes to stderr as is (no newline added): a progress bar redrawn in place. */
  errWrite?(text: string): void;
  /** Whether stderr is a terminal (a progress bar) or not (plain progress lines). */
  readonly errIsTty?: boolean;
  /**
   * Runs `cleanup` on Ctrl-C before the command exits with 130 (a pull cancels its job so nothing
   * partial stays); returns the unregister function.
   */
  onInterrupt?(cleanup: () => Promise<void>): () => void;
  /** Opens a sign-in address in this machine's browser, where it has one (openBrowser.ts). */
  openBrowser?(url: string): void;
  /** The data folder, when not the app's (tests); commands that read files directly use it. */
  readonly dataDir?: string;
}
