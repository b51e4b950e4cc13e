/**
 * Starts the import worker for one file (or one overlay estimate) and reports its progress. Falls
 * back to the main thread where workers are unavailable.
 */
import type { IndicatorValues } from '../data/types';
import type { OverlayWeight } from './aggregate-import';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-worker';
import type { OverlayInput } from './overlay-input';
import { MAX_IMPORT_BYTES, type ImportResult } from './types';

/** Stages of an import, for a progress bar. */
export type ImportStage = 'reading' | 'parsing' | 'joining' | 'estimating';

/** Progress of one stage: the fraction (0…1) of the whole task done. */
export type ProgressCallback = (stage: ImportStage, fraction: number) => void;

/**
 * Runs one request in a fresh worker; `done` picks the final message's payload. Aborting `signal`
 * stops the worker at once and resolves with `failed('aborted')`.
 */
function inWorker<T>(
  request: ImportWorkerRequest,
  transfer: Transferable[],
  onProgress: ProgressCallback,
  done: (message: ImportWorkerMessage) => T | undefined,
  failed: (reason: string) => T,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve) => {
    // Vite bundles the worker as a same-origin module file, which the CSP's worker-src 'self' allows.
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const abort = () => finish(failed('aborted'));
    const finish = (result: T): void => {
      signal?.removeEventListener('abort', abort);
      worker.terminate();
      resolve(result);
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.stage, message.fraction);
      else {
        const result = done(message);
        if (result !== undefined) finish(result);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(failed(event.message || 'worker failure'));
    };
    worker.postMessage(request, transfer);
  });
}

/** Reads and parses a file in a Web Worker; resolves to the parser's result (never rejects). */
export async function importFile(file: File, onProgress: ProgressCallback): Promise<ImportResult> {
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
  onProgress('parsing', 0.3);
  if (typeof Worker === 'undefined') {
    const { parseFile } = await import('./detect');
    return parseFile(file.name, bytes);
  }
  const failed = (reason: string): ImportResult => ({
    kind: 'error',
    code: 'unknown-format',
    fileName: file.name,
    message: { sv: `Filen kunde inte läsas (${reason}).`, en: `The file could not be read (${reason}).` },
  });
  return inWorker<ImportResult>({ kind: 'parse', fileName: file.name, bytes }, [bytes.buffer], onProgress, (m) => (m.type === 'result' ? m.result : undefined), failed);
}

/** The outcome of an overlay estimate: the values and how they were weighted, or an error text. */
export type OverlayOutcome = { ok: true; values: IndicatorValues; weight: OverlayWeight } | { ok: false; reason: string };

/** Estimates imported values for a division they do not nest in, in a Web Worker (never rejects; `signal` stops it). */
export async function estimateInWorker(input: OverlayInput, onProgress: ProgressCallback, signal?: AbortSignal): Promise<OverlayOutcome> {
  onProgress('estimating', 0);
  if (typeof Worker === 'undefined') {
    const { runOverlay } = await import('./overlay-estimate');
    return { ok: true, ...runOverlay(input, (f) => onProgress('estimating', f)) };
  }
  return inWorker<OverlayOutcome>(
    { kind: 'overlay', input },
    [],
    onProgress,
    (m) => (m.type === 'estimate' ? { ok: true, values: m.values, weight: m.weight } : undefined),
    (reason) => ({ ok: false, reason }),
    signal,
  );
}
