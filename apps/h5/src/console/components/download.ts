/** Starts a browser download of a same-origin URL (the server streams it; nothing is held in memory here). */
export function startDownload(url: string, filename?: string): void {
  const a = document.createElement('a');
  a.href = url;
  if (filename) a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
