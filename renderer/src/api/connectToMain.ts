import { forgetSession, openBrowserSession } from './browserSession';
import { createApiClient, setApiClient } from './client';
import { setServiceState } from './serviceState';
import { electronTransport } from './transport';
import { webSocketTransport } from './wsTransport';

/**
 * Connects the page to main before the app renders. Electron's preload is there from the start;
 * browser mode first needs this tab's session (the launch link or an earlier load of this tab) and
 * an open WebSocket, else the page explains how to open the app (issue 13).
 */
export async function connectToMain(): Promise<void> {
  if (electronTransport() !== undefined) {
    setServiceState({ kind: 'ready' });
    return;
  }
  const session = await openBrowserSession();
  if (!session.ok) {
    setServiceState({ kind: 'launch-required', problem: session.problem });
    return;
  }
  const transport = webSocketTransport({
    secret: session.secret,
    onLost: () => setServiceState({ kind: 'stopped' }),
  });
  try {
    await transport.ready();
  } catch {
    // The server refused the session: the tab's secret belongs to an earlier run.
    forgetSession();
    setServiceState({ kind: 'launch-required', problem: 'session-ended' });
    return;
  }
  setApiClient(createApiClient(transport));
  setServiceState({ kind: 'ready' });
}
