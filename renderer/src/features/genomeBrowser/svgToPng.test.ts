// @vitest-environment jsdom
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n';
import { errorText, SaidError } from '../../i18n/said';
import { svgToPng } from './svgToPng';

// Issue 22: the PNG export's own failures are the app's words (they were the English "no 2D
// canvas" inside "Technical detail: …").

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(HTMLImageElement.prototype, 'decode');
});
afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: the PNG export’s own failure in the reader’s words', () => {
  it('German and Finnish: no canvas to draw on', async () => {
    // jsdom has no image decoder and no 2D canvas: the decode is let through (the image is not
    // the point), the canvas stays missing, as in a window that cannot draw.
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:cohort-desk-test');
    Object.defineProperty(HTMLImageElement.prototype, 'decode', {
      value: () => Promise.resolve(),
      configurable: true,
    });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const failure = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg"/>').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(SaidError);
    await setLanguage('de');
    expect(errorText(failure)).toBe(
      'Das PNG-Bild konnte nicht erstellt werden: Dieses Fenster kann nicht auf eine Zeichenfläche (Canvas) zeichnen.',
    );
    await setLanguage('fi');
    expect(errorText(failure)).toBe(
      'PNG-kuvaa ei voitu tehdä: tämä ikkuna ei pysty piirtämään piirtoalustalle (canvas).',
    );
  });
});
