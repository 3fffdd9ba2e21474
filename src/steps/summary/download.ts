/** Offers `text` as a file download, as a link the browser saves (no server round trip). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "rsv-prod-weu" → "backup-setup-rsv-prod-weu". */
export const fileStem = (vaultName: string): string => `backup-setup-${vaultName.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
