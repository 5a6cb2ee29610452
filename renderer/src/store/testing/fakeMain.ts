import type { EventName } from '../../../../shared/ipc';
import type { Transport } from '../../api/transport';
import { createApiClient, setApiClient } from '../../api/client';

/** What main answers to a channel: a Result, or a function of the request giving one. */
type Answer = unknown;

/**
 * The process boundary for store tests: a transport that records every request, answers from a
 * table, and pushes events the way main does (through the real client, which parses them).
 */
export interface FakeMain {
  readonly calls: { channel: string; payload: unknown }[];
  answer(channel: string, answer: Answer): void;
  emit(event: EventName, payload: unknown): void;
  /** How many listeners the page holds per event. */
  listeners(event: EventName): number;
}

/** Installs a fake main as the app's API client; call setApiClient(undefined) after the test. */
export function installFakeMain(answers: Record<string, Answer> = {}): FakeMain {
  const calls: FakeMain['calls'] = [];
  const table = new Map(Object.entries(answers));
  const subs = new Map<string, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    kind: 'browser',
    invoke: (channel, payload) => {
      calls.push({ channel, payload });
      const a = table.get(channel);
      if (a === undefined) return Promise.reject(new Error(`no answer for ${channel}`));
      return Promise.resolve(typeof a === 'function' ? (a as (p: unknown) => unknown)(payload) : a);
    },
    on: (event, listener) => {
      const set = subs.get(event) ?? new Set();
      set.add(listener);
      subs.set(event, set);
      return () => set.delete(listener);
    },
  };
  setApiClient(createApiClient(transport));
  return {
    calls,
    answer: (channel, a) => table.set(channel, a),
    emit: (event, payload) => {
      for (const fn of subs.get(event) ?? []) fn(payload);
    },
    listeners: (event) => subs.get(event)?.size ?? 0,
  };
}
