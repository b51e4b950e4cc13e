/**
 * The import worker: parses a file off the main thread so the page stays responsive.
 * Receives `{fileName, bytes}`, posts `{type: 'progress', stage}` and then `{type: 'result', result}`.
 */
import { parseFile } from './detect';
import type { ImportResult } from './types';

/** Messages the worker posts. */
export type ImportWorkerMessage = { type: 'progress'; stage: 'parsing' } | { type: 'result'; result: ImportResult };

/** The message the worker receives. */
export interface ImportWorkerRequest {
  fileName: string;
  bytes: Uint8Array;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null; postMessage(message: ImportWorkerMessage): void };

scope.onmessage = (event) => {
  const { fileName, bytes } = event.data;
  scope.postMessage({ type: 'progress', stage: 'parsing' });
  let result: ImportResult;
  try {
    result = parseFile(fileName, bytes);
  } catch (error) {
    // Parsers should not throw; if one does, the user still gets a message, not a hung dialog.
    result = {
      kind: 'error',
      code: 'unknown-format',
      fileName,
      message: { sv: `Filen kunde inte läsas (${String(error)}).`, en: `The file could not be read (${String(error)}).` },
    };
  }
  scope.postMessage({ type: 'result', result });
};
