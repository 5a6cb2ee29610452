import { spawn } from 'node:child_process';

/**
 * Opens an address in the system browser where this machine has one (issue 23: `cli login`), and
 * does nothing on a machine without a display (SSH, a server, a container), where the printed
 * address is the way in. The opener runs detached: the command never waits for the browser.
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): void {
  const opener = openerFor(process.platform, env);
  if (opener === undefined) return;
  try {
    const child = spawn(opener.command, [...opener.args, url], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener installed: the address printed on stderr still works.
  }
}

/** The system's "open this URL" command, or undefined where no browser can show it. */
export function openerFor(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): { command: string; args: string[] } | undefined {
  if (env.COHORT_DESK_NO_BROWSER === '1') return undefined;
  if (platform === 'darwin') return { command: 'open', args: [] };
  // Not `cmd /c start`: cmd would read the `&` between query parameters as a command separator.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler'] };
  const display = (env.DISPLAY ?? '') !== '' || (env.WAYLAND_DISPLAY ?? '') !== '';
  return display ? { command: 'xdg-open', args: [] } : undefined;
}
