import { useEffect } from 'react';
import { api } from '../api/client';
import { useStore } from '../store';

/** Loads app facts and settings once, follows settings pushed by main, and tracks connectivity. */
export function useAppBootstrap(): void {
  useEffect(() => {
    const { loadInfo, loadSettings, loadSession, receiveSettings, receiveSession, setOnline } =
      useStore.getState();
    const { receiveDirectory } = useStore.getState();
    void loadInfo();
    void loadSettings();
    void loadSession();
    const offSettings = api().on('settings:changed', receiveSettings);
    const offSession = api().on('auth:changed', receiveSession);
    const offDirectory = api().on('federation:changed', receiveDirectory);
    const online = (): void => setOnline(true);
    const offline = (): void => setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      offSettings();
      offSession();
      offDirectory();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);
}
