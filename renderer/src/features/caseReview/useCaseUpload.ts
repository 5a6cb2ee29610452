import { useCallback, useEffect, useRef } from 'react';
import type { FileRef } from '../../../../shared/cases/channels';
import type { Result } from '../../../../shared/result';
import { useStore } from '../../store';

/** Browser mode: bytes sent, the total the browser reported (0: none), the file's size, time so far. */
export interface CaseUpload {
  readonly sent: number;
  readonly reported: number;
  readonly size: number;
  readonly elapsedMs: number;
}

/** A pick that was not superseded: main's answer, and whether it is still the newest pick. */
export interface CaseFileSent {
  readonly result: Result<FileRef | null>;
  readonly live: () => boolean;
}

/**
 * One VCF pick of New case (decisions 0072, 0079): main's dialog in Electron, an upload in browser
 * mode whose bytes and time left go to `show` from the moment it starts. The tumour (or germline
 * case) VCF and the cancer case's germline VCF both use it, so both can be cancelled the same way:
 * `drop` aborts the request (main removes the partial spool) and makes the pick's answers
 * unheard, as does a newer pick and the caller's unmount (the dialog closed). `show` must be stable.
 */
export function useCaseUpload(show: (upload: CaseUpload | undefined) => void) {
  const choose = useStore((s) => s.chooseCaseVcf);
  const picks = useRef(0);
  const sending = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => sending.current?.abort(), []);
  const drop = useCallback((): void => {
    picks.current++;
    sending.current?.abort();
    sending.current = undefined;
    show(undefined);
  }, [show]);
  /** Sends `file` (browser mode) or opens main's dialog; undefined once the pick was dropped. */
  const send = useCallback(
    async (file?: File): Promise<CaseFileSent | undefined> => {
      drop();
      const token = picks.current;
      const live = (): boolean => token === picks.current;
      const controller = new AbortController();
      sending.current = controller;
      const started = Date.now();
      if (file !== undefined) show({ sent: 0, reported: 0, size: file.size, elapsedMs: 0 });
      const result = await choose(
        file,
        (sent, reported) => {
          if (live())
            show({ sent, reported, size: file?.size ?? 0, elapsedMs: Date.now() - started });
        },
        controller.signal,
      );
      if (!live()) return undefined;
      sending.current = undefined;
      show(undefined);
      return { result, live };
    },
    [choose, drop, show],
  );
  return { send, drop };
}
