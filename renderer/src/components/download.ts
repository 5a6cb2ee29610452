/**
 * Hands a file to the browser's download: a blob URL on the app's own origin, so nothing leaves the
 * machine. The one download helper of the renderer (issue 14). The URL is revoked a tick after the
 * click, once the browser has taken the file.
 */
export function download(
  fileName: string,
  content: Blob | string | Uint8Array,
  type: string,
): void {
  const blob =
    content instanceof Blob
      ? content
      : new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
