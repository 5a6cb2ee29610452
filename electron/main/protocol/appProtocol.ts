import { protocol } from 'electron';
import type { Logger } from '../logging/logger';
import type { VaultService } from '../vault/vaultService';
import type { CaseService } from '../cases/caseService';
import { createAppRequestHandler } from './appRequest';

export const APP_SCHEME = 'app';

/** Must run before app 'ready': the app scheme is standard and secure, like https (checklist 18). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

/** Serves the built renderer from app://cohort-desk/ with the CSP and security headers on every response. */
export function handleAppProtocol(
  rendererDir: string,
  vaultRoute?: { vault: VaultService; logger: Logger; cases?: CaseService },
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, vaultRoute));
}
