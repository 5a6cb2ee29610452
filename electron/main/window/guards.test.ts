import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import type { GuardedContents } from './guards';
import { denyAllPermissions, installContentsGuards } from './guards';

type Listener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, url = '') => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as GuardedContents,
    fire,
    open: (url: string) => openHandler?.({ url }),
  };
}

const setup = () => {
  const fake = fakeContents();
  const openExternal = vi.fn();
  installContentsGuards(fake.contents, {
    appOrigin: 'app://cohort-desk',
    allowedExternalOrigins: () => ['https://www.ga4gh.org'],
    openExternal,
    logger: createMemoryLogger(),
  });
  return { ...fake, openExternal };
};

describe('window guards (Electron checklist 11-15)', () => {
  it('blocks navigation and redirects away from the app origin', () => {
    const { fire } = setup();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://cohort-desk/index.html#/search')).toBe(false);
  });

  it('blocks <webview> attachment', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });

  it('denies every window.open; only allow-listed https links go to the system browser', () => {
    const { open, openExternal } = setup();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open('https://www.ga4gh.org/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.ga4gh.org/');
  });

  it('denies permission requests and checks (checklist 5)', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions(
      {
        setPermissionRequestHandler: (h: typeof request) => {
          request = h;
        },
        setPermissionCheckHandler: (h: typeof check) => {
          check = h;
        },
      } as never,
      createMemoryLogger(),
    );
    const callback = vi.fn();
    request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });
});
