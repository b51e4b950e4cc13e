/**
 * The import worker: the heavy parts of an import, off the main thread so the page stays responsive.
 *   - `{kind: 'parse', fileName, bytes}` parses a file: posts `progress` messages, then `{type: 'result'}`.
 *   - `{kind: 'overlay', input}` estimates imported values for a division they do not nest in, by an
 *     areal overlay (src/data/overlay.ts): posts `progress` per ~2 % of the source areas, then `{type: 'estimate'}`.
 */
import type { IndicatorValues } from '../data/types';
import type { OverlayWeight } from './aggregate-import';
import { parseFile } from './detect';
import type { ImportStage } from './import-client';
import { runOverlay } from './overlay-estimate';
import type { OverlayInput } from './overlay-input';
import { progressSteps } from './progress';
import type { ImportResult } from './types';

/** Messages the worker posts. */
export type ImportWorkerMessage =
  | { type: 'progress'; stage: ImportStage; fraction: number }
  | { type: 'result'; result: ImportResult }
  | { type: 'estimate'; values: IndicatorValues; weight: OverlayWeight };

/** The messages the worker receives. */
export type ImportWorkerRequest = { kind: 'parse'; fileName: string; bytes: Uint8Array } | { kind: 'overlay'; input: OverlayInput };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null; postMessage(message: ImportWorkerMessage): void };

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'overlay') {
    scope.postMessage({ type: 'estimate', ...runOverlay(request.input, (fraction) => scope.postMessage({ type: 'progress', stage: 'estimating', fraction })) });
    return;
  }
  const { fileName, bytes } = request;
  scope.postMessage({ type: 'progress', stage: 'parsing', fraction: 0.35 });
  let result: ImportResult;
  try {
    result = parseFile(fileName, bytes, progressSteps((fraction) => scope.postMessage({ type: 'progress', stage: 'parsing', fraction }), 0.35, 0.95));
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
