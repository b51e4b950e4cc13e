/**
 * Starts the import worker for one file and reports progress. Falls back to parsing on the main
 * thread where workers are unavailable.
 */
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-worker';
import { MAX_IMPORT_BYTES, type ImportResult } from './types';

/** Stages of an import, for a progress bar. */
export type ImportStage = 'reading' | 'parsing' | 'joining';

/** Reads and parses a file in a Web Worker; resolves to the parser's result (never rejects). */
export async function importFile(file: File, onProgress: (stage: ImportStage, fraction: number) => void): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);
    return {
      kind: 'error',
      code: 'too-large',
      fileName: file.name,
      message: { sv: `Filen är större än ${mb} MB.`, en: `The file is larger than ${mb} MB.` },
    };
  }
  onProgress('reading', 0);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { kind: 'error', code: 'encoding', fileName: file.name, message: { sv: `Filen kunde inte läsas (${String(error)}).`, en: `The file could not be read (${String(error)}).` } };
  }
  onProgress('parsing', 0.33);
  if (typeof Worker === 'undefined') {
    const { parseFile } = await import('./detect');
    return parseFile(file.name, bytes);
  }
  return new Promise<ImportResult>((resolve) => {
    // Vite bundles the worker as a same-origin module file, which the CSP's worker-src 'self' allows.
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const finish = (result: ImportResult): void => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.stage, 0.5);
      else finish(message.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        kind: 'error',
        code: 'unknown-format',
        fileName: file.name,
        message: { sv: `Filen kunde inte läsas (${event.message || 'fel i tolken'}).`, en: `The file could not be read (${event.message || 'parser failure'}).` },
      });
    };
    const request: ImportWorkerRequest = { fileName: file.name, bytes };
    worker.postMessage(request, [bytes.buffer]);
  });
}
