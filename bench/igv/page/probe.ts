/**
 * Runs inside both pages (the app and the igv baseline; bundled by esbuild as an IIFE, evaluated
 * by playwright so the app's CSP is untouched). "Painted" is igv's own signal: a track viewport
 * appends a NEW canvas after drawing (TrackViewport.repaint), carrying its draw configuration in
 * `_data` with the features it drew. We wait for the first new canvas of the named track whose
 * features lie in the target locus at the target scale, then for the next frame.
 */

import type { Painted, Target } from './types';

interface DrawnCanvas extends HTMLCanvasElement {
  _data?: {
    bpPerPixel: number;
    features?: readonly { chr: string; start: number; end: number; kind?: string }[];
  };
}

const hosts = (): Element[] =>
  [...document.querySelectorAll('[data-testid="igv-host"], #igv-baseline')].map((h) => h);

const roots = (): (Element | ShadowRoot)[] => hosts().map((h) => h.shadowRoot ?? h);

// Looked up again on every check: igv builds a new viewport when a track is (re)loaded.
function viewport(track: string): HTMLElement | undefined {
  for (const root of roots())
    for (const vp of root.querySelectorAll<HTMLElement>('.igv-viewport'))
      if (vp.querySelector('.igv-track-label')?.textContent.includes(track) === true) return vp;
  return undefined;
}

let pending: Promise<Painted> | undefined;

/**
 * Arms the probe for one navigation. trigger 'enter': time zero is the next Enter keydown (the
 * app's locus box); 'now': time zero is this call (the baseline calls igv's search right after).
 */
function arm(target: Target, trigger: 'enter' | 'now', timeoutMs = 60_000): void {
  const first = viewport(target.track);
  if (first === undefined) throw new Error(`no igv track named ${target.track}`);
  const stale = new WeakSet<Element>(roots().flatMap((r) => [...r.querySelectorAll('canvas')]));
  let t0: number | undefined = trigger === 'now' ? performance.now() : undefined;
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && t0 === undefined) t0 = e.timeStamp;
  };
  if (trigger === 'enter') document.addEventListener('keydown', onKey, { capture: true });
  const wanted = (target.end - target.start + 1) / Math.max(1, first.clientWidth);
  const matches = (c: DrawnCanvas): boolean => {
    const d = c._data;
    const f = d?.features;
    if (stale.has(c) || d === undefined || f === undefined || f.length === 0) return false;
    const scale = d.bpPerPixel / wanted;
    return (
      f[0]?.chr === target.chr &&
      scale > 0.75 &&
      scale < 1.33 &&
      f.some((x) => x.start < target.end && x.end > target.start - 1)
    );
  };
  pending = new Promise<Painted>((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      const seen = [...(viewport(target.track)?.querySelectorAll<DrawnCanvas>('canvas') ?? [])].map(
        (c) => {
          const f = c._data?.features;
          return `${stale.has(c) ? 'stale ' : ''}${String(f?.length)} ${f?.[0]?.chr ?? '-'}:${String(f?.[0]?.start)} bpp ${String(c._data?.bpPerPixel)}`;
        },
      );
      reject(
        new Error(
          `${target.track}: no canvas for ${target.chr}:${String(target.start)}-${String(target.end)} (wanted bpp ${String(wanted)}; canvases: ${seen.join(', ')})`,
        ),
      );
    }, timeoutMs);
    const check = (): void => {
      const c = [...(viewport(target.track)?.querySelectorAll<DrawnCanvas>('canvas') ?? [])].find(
        matches,
      );
      if (c === undefined) return;
      const drawn = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey, { capture: true });
      const f = c._data?.features ?? [];
      requestAnimationFrame(() => {
        // A message posted from the frame callback runs after that frame is presented.
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const start = t0 ?? drawn;
          resolve({
            drawnMs: drawn - start,
            paintedMs: performance.now() - start,
            features: f.length,
            kind: f[0]?.kind ?? 'variant',
            span: [f[0]?.start ?? NaN, f[f.length - 1]?.end ?? NaN],
          });
        };
        ch.port2.postMessage(0);
      });
    };
    const observer = new MutationObserver(check);
    for (const r of roots()) observer.observe(r, { childList: true, subtree: true });
  });
}

/** The measurement armed last. */
function result(): Promise<Painted> {
  if (pending === undefined) return Promise.reject(new Error('probe not armed'));
  return pending;
}

(globalThis as unknown as { igvProbe: unknown }).igvProbe = { arm, result };
