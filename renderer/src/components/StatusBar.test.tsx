// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import type { NodeUpdate } from '../../../shared/search/results';
import '../i18n';
import { resetStore, useStore } from '../store';
import { federationContact } from './federationContact';
import { StatusBar } from './StatusBar';

afterEach(() => {
  cleanup();
  resetStore();
});

const directory: FederationDirectory = {
  source: 'embedded-demo',
  brokers: [],
  trustedVisaIssuers: [],
  nodes: ['FI', 'IT', 'ES', 'PT', 'SE'].map((id) => ({
    id,
    name: `Node ${id}`,
    country: id,
    beaconUrl: `https://${id.toLowerCase()}.example/api`,
  })),
};
const update = (nodeId: string, status: NodeUpdate['status']): NodeUpdate => ({
  queryId: 'q-1',
  nodeId,
  nodeName: `Node ${nodeId}`,
  country: nodeId,
  status,
  attempt: 1,
});
const startedAt = new Date(2026, 11, 6, 14, 2).getTime();

describe('status bar: federation contact (issue 13)', () => {
  it('issue 13: after an anonymous search it reports the nodes that answered, not "not contacted yet"', () => {
    useStore.setState({
      directory,
      session: undefined,
      searchRun: { queryId: 'q-1', query: useStore.getState().searchDraft, startedAt, nodes: 5 },
      searchNodes: [
        update('FI', 'ok'),
        update('IT', 'ok'),
        update('ES', 'ok'),
        update('PT', 'ok'),
        update('SE', 'timeout'),
      ],
    });
    render(<StatusBar />);
    const text = screen.getByTestId('status-federation').textContent;
    expect(text).toBe(
      `Federation: 4 of 5 nodes answered the last search (${new Date(startedAt).toLocaleTimeString(undefined, { timeStyle: 'short' })})`,
    );
    expect(text).not.toContain('not contacted');
  });

  it('says a search is still under way while nodes have not answered', () => {
    expect(
      federationContact({
        directory,
        session: undefined,
        searchRun: { startedAt, nodes: 5 },
        searchNodes: [update('FI', 'ok'), update('IT', 'slow')],
      }),
    ).toEqual({ kind: 'searching', answered: 1, total: 5 });
  });

  it('before any search: the sign-in dataset lists, else not contacted', () => {
    const base = { directory, searchRun: undefined, searchNodes: [] };
    expect(federationContact({ ...base, session: undefined })).toEqual({ kind: 'not-contacted' });
    expect(
      federationContact({
        ...base,
        session: {
          state: 'signed-in',
          persistence: { mode: 'memory-only' },
          access: [],
          ignoredVisas: [],
          nodeProblems: [{ nodeId: 'SE', message: 'unreachable' }],
        },
      }),
    ).toEqual({ kind: 'sign-in', answered: 4, total: 5 });
    expect(federationContact({ ...base, directory: undefined, session: undefined })).toEqual({
      kind: 'unknown',
    });
  });
});
