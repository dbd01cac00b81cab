/**
 * Saves a file the API answered (a bulletin, a CSV). A plain link would carry no bearer token, so the data
 * provider fetches the blob and the browser saves it from memory.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
