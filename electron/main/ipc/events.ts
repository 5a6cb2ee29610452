import type { EventName, EventPayloadOf } from '../../../shared/ipc';
import { events } from '../../../shared/ipc';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Pushed events from services to every connected renderer, validated against the contract. */
export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
  /** Subscribes a transport; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

/** Creates the hub that transports subscribe to. */
export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const checked = events[event].parse(payload);
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
