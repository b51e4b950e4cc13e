/**
 * The import worker: one import session off the main thread, so the page stays responsive while a
 * large file is read, its division detected and its rows joined (see import-protocol.ts for the
 * requests). It also runs overlay estimates (a worker of their own, so closing the dialog can stop one).
 */
import { fetchCodeCatalogue } from './code-catalogue';
import type { ImportStage, WorkerRequest, WorkerResponse } from './import-protocol';
import { ImportSession, runCall } from './import-session';

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: WorkerResponse): void };

const session = new ImportSession(fetchCodeCatalogue);

// One request at a time, in the order they came.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      const progress = (stage: ImportStage, fraction: number) => scope.postMessage({ id: request.id, type: 'progress', stage, fraction });
      scope.postMessage({ id: request.id, type: 'result', result: await runCall(session, request, progress) });
    } catch (error) {
      // The page gets a message, never a hung dialog.
      scope.postMessage({ id: request.id, type: 'failure', reason: error instanceof Error ? error.message : String(error) });
    }
  });
};
