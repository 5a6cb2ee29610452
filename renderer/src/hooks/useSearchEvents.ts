import { useEffect } from 'react';
import { api } from '../api/client';
import { useStore } from '../store';

/** Follows search events from main for the whole session, so leaving the page loses no answers. */
export function useSearchEvents(): void {
  useEffect(() => {
    const { receiveNodeUpdate, receiveSearchDone } = useStore.getState();
    const offNode = api().on('search:nodeUpdate', receiveNodeUpdate);
    const offDone = api().on('search:done', receiveSearchDone);
    return () => {
      offNode();
      offDone();
    };
  }, []);
}
