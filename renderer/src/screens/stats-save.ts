/**
 * Saving a statistics export: in the desktop app through the native Save dialog, main writing the
 * file where the officer chose (as a letter's export does); in the browser as a download.
 */
import type { StatsExport } from '../../../shared/stats';
import { statsFileName } from '../../../shared/stats';
import { call, hasSaveDialog } from '../api';
import { base64ToBytes, downloadFile, DOCX_TYPE } from '../letters/download';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What happened, as the page says it; null when the officer cancelled the dialog. */
export async function saveStatsExport(request: StatsExport): Promise<string | null> {
  if (hasSaveDialog) {
    const chosen = await call('dialog:save-path', {
      suggestedName: statsFileName(request),
      kind: `stats-${request.format}`,
    });
    if (!chosen.path) return null;
    const written = await call('stats:export', { ...request, path: chosen.path });
    return `Saved to ${written.path}.`;
  }
  const file = await call('stats:render', request);
  const type = request.format === 'docx' ? DOCX_TYPE : request.format === 'xlsx' ? XLSX_TYPE : 'text/csv';
  downloadFile(file.fileName, base64ToBytes(file.base64), type);
  return `Downloaded “${file.fileName}”.`;
}
