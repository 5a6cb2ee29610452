import { CASE_UPLOAD_PATH, FileRefSchema } from '../../../shared/cases/channels';
import type { FileRef } from '../../../shared/cases/channels';
import { SaidError, type Said } from '../i18n/said';
import { vaultRequestHeaders } from './browserSession';

/** An upload the person cancelled: not an error to show. */
export class UploadCancelled extends Error {
  constructor(name: string) {
    super(`${name}: upload cancelled`);
    this.name = 'UploadCancelled';
  }
}

/**
 * Browser mode: streams the VCF the person chose to main (POST /cases/upload, session header like
 * the vault route), which keeps it encrypted and answers with an opaque handle. XMLHttpRequest,
 * not fetch: it reports upload progress, which a whole genome (several GB) needs.
 */
export function uploadCaseFile(
  file: File,
  onProgress?: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // Cancelled by the person (issue 19): the request is dropped, main removes the partial spool.
    const cancelled = (): void => reject(new UploadCancelled(file.name));
    if (signal?.aborted === true) {
      cancelled();
      return;
    }
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.onabort = cancelled;
    xhr.open('POST', `${CASE_UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`);
    for (const [k, v] of Object.entries(vaultRequestHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    // Without a computable length the event's total is 0: the File's own size is the total then.
    xhr.upload.onprogress = (e) =>
      onProgress?.(e.loaded, e.lengthComputable && e.total > 0 ? e.total : file.size);
    const name = { file: file.name };
    xhr.onerror = () =>
      reject(
        new SaidError(
          { key: 'uploadNotSent', params: name },
          `${file.name} could not be sent to Cohort Desk.`,
        ),
      );
    xhr.onload = () => {
      if (xhr.status !== 200) {
        // Main's reason is English (for the console); the person reads its status in their words.
        const why = xhr.responseText.trim();
        const english = why === '' ? `${file.name}: HTTP ${String(xhr.status)}` : why;
        reject(new SaidError(refusalSaid(xhr.status, file.name), english));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      const parsed = FileRefSchema.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else
        reject(
          new SaidError(
            { key: 'uploadNotUnderstood', params: name },
            'Cohort Desk received an answer it did not understand.',
          ),
        );
    };
    xhr.send(file);
  });
}

/** Main's refusal of an upload by its status (electron/browserMode/caseUpload.ts). */
function refusalSaid(status: number, file: string): Said {
  if (status === 423) return { key: 'uploadLocked', params: { file } };
  if (status === 400) return { key: 'uploadIncomplete', params: { file } };
  return { key: 'uploadHttp', params: { file, status: String(status) } };
}
