import type { EventName, EventPayloadOf } from '../../../shared/ipc';
import { EVENT_NAMES } from '../../../shared/ipc';
import { api } from '../api/client';
import type { StoreState } from './index';
import { useStore } from './index';

/** Where each pushed event goes: every event main pushes has exactly one entry (the type says so). */
type Routes = {
  readonly [E in EventName]: (state: StoreState, payload: EventPayloadOf<E>) => void;
};

/**
 * The one table of pushed events (issue 14). A new slice that follows an event adds its action
 * here; no component or slice subscribes on its own.
 */
const routes: Routes = {
  'settings:changed': (s, view) => s.receiveSettings(view),
  'auth:changed': (s, session) => s.receiveSession(session),
  'federation:changed': (s, directory) => s.receiveDirectory(directory),
  // The Search page's query and the Browser's federation query share these events; each slice
  // keeps the updates of the query id it made.
  'search:nodeUpdate': (s, update) => {
    s.receiveNodeUpdate(update);
    s.browserFederationUpdate(update);
  },
  'search:done': (s, done) => {
    s.receiveSearchDone(done);
    s.browserFederationDone(done);
  },
  'pull:progress': (s, progress) => s.receivePullProgress(progress),
  'vault:changed': (s, list) => {
    s.receiveVault(list);
    // Whose cases these are, and whether they can be read, follow the vault (issue 16).
    if (s.caseList !== undefined) void s.loadCases();
  },
  'case:changed': (s, list) => s.receiveCases(list),
  'case:progress': (s, progress) => {
    s.receiveCaseProgress(progress);
    // A finished import lists the new case (case:changed may come first or after).
    if (progress.phase === 'done') void s.loadCases();
  },
  'seen:progress': (s, p) => s.receiveSeenProgress(p),
  'seen:done': (s, d) => s.receiveSeenDone(d),
  'seen:likeUpdate': (s, u) => s.receiveLikeUpdate(u),
  'seen:likeDone': (s, d) => s.receiveLikeDone(d),
};

/**
 * Follows every event main pushes, for the life of the app whichever page is open; returns the
 * unsubscribe function (the app frame calls it on unmount).
 */
export function followMainEvents(): () => void {
  const client = api();
  // E ties each event to its own payload and route in the body; without it TypeScript sees a
  // union of payloads and handlers it cannot correlate.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see above
  const follow = <E extends EventName>(event: E): (() => void) =>
    client.on(event, (payload) => routes[event](useStore.getState(), payload));
  const offs = EVENT_NAMES.map(follow);
  return () => {
    for (const off of offs) off();
  };
}
