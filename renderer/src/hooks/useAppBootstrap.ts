import { useEffect } from 'react';
import { api } from '../api/client';
import { useStore } from '../store';

/** Loads app facts and settings once, follows settings pushed by main, and tracks connectivity. */
export function useAppBootstrap(): void {
  useEffect(() => {
    const { loadInfo, loadSettings, receiveSettings, setOnline } = useStore.getState();
    void loadInfo();
    void loadSettings();
    const unsubscribe = api().on('settings:changed', receiveSettings);
    const online = (): void => setOnline(true);
    const offline = (): void => setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);
}
