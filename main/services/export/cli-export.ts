/** `foi-desk export`: the register streamed to a file (temp name, then renamed) or to stdout. */
import type { CaseFile } from '../../../db/case-file';
import { registerChunks, type ExportFormat, type ExportProgress } from './register-chunks';
import { pipeChunks, writeChunksAtomic } from './write-export';

/** Progress on stderr as a percentage, on a terminal only (a scheduled job's log stays clean). */
function terminalProgress(): ExportProgress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    process.stderr.write(`\rExporting ${pct}%${pct === 100 ? '\n' : ''}`);
  };
}

/**
 * Writes the export to `out` (checked again by `recheck` just before the rename) or, without
 * `out`, to stdout, waiting on the stream whenever it is full.
 */
export async function streamExport(
  file: CaseFile,
  format: ExportFormat,
  out: string | undefined,
  recheck: () => void,
): Promise<number> {
  const chunks = registerChunks(file, format, out ? terminalProgress() : undefined);
  if (out) return writeChunksAtomic(out, chunks, recheck);
  return pipeChunks(chunks, process.stdout);
}
