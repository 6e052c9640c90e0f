/**
 * Hands a fetched file to the browser as a download. The object URL is revoked only after a while:
 * revoked at once, Chromium may cancel the download it has just begun reading from it.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
