import { useEffect } from 'react';
import { useStore } from '../store';
import { followMainEvents } from '../store/events';

/** Loads app facts and settings once, follows every event main pushes, and tracks connectivity. */
export function useAppBootstrap(): void {
  useEffect(() => {
    const { loadInfo, loadSettings, loadSession, setOnline } = useStore.getState();
    void loadInfo();
    void loadSettings();
    void loadSession();
    const offEvents = followMainEvents();
    const online = (): void => setOnline(true);
    const offline = (): void => setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      offEvents();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);
}
