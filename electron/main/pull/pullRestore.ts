import type { VaultService } from '../vault/vaultService';
import { listCursors, openStaging } from '../vault/staging';
import type { Job } from './pullTypes';

/**
 * Adds the signed-in user's pulls a closed app left staged (their sealed cursors) as paused jobs.
 * Sync: it finds nothing while the vault is still opening at start (writer() undefined).
 */
export function restoreJobs(jobs: Map<string, Job>, vault: Pick<VaultService, 'writer'>): void {
  const w = vault.writer();
  if (w === undefined) return;
  for (const c of listCursors(w.userDir, w.user, w.masterKey)) {
    if (jobs.has(c.jobId)) continue;
    jobs.set(c.jobId, {
      cursor: c,
      user: w.user,
      staging: openStaging(w.userDir, w.user, w.masterKey, c.jobId),
      state: 'paused',
      message: 'Interrupted when Cohort Desk closed; resume to continue.',
      said: { key: 'interrupted' },
    });
  }
}

/** restoreJobs once the vault has opened at start, so a listing or a resume finds them all. */
export async function restoredJobs(
  jobs: Map<string, Job>,
  vault: Pick<VaultService, 'writer' | 'opened'>,
): Promise<void> {
  await vault.opened();
  restoreJobs(jobs, vault);
}
