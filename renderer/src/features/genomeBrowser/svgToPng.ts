import { SaidError } from '../../i18n/said';

/**
 * Rasterises an SVG string to PNG at device pixel ratio 2 via an image and a canvas. Its own
 * failures are `SaidError`s (issue 22); the image decoder's stay the browser's words.
 */
export async function svgToPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new SaidError({ key: 'pngNoCanvas' }, 'no 2D canvas');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (b) =>
          b === null ? reject(new SaidError({ key: 'pngEmpty' }, 'empty image')) : resolve(b),
        'image/png',
      );
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
