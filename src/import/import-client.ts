/**
 * The page's side of an import: reads the file and runs the import session in a Web Worker (see
 * import-protocol.ts), reporting progress. Falls back to the main thread where workers are unavailable.
 */
import type { Catalogue, LevelId } from '../data/types';
import type { JoinGeometry } from './division-index';
import type { CallKind, OverlayResult, ProgressCallback, SessionCalls, SessionContext, WorkerRequest, WorkerResponse } from './import-protocol';
import type { OverlayLoaders } from './overlay-host';
import type { OverlayInput } from './overlay-input';
import { MAX_IMPORT_BYTES, type ImportError } from './types';

export type { ImportStage, ProgressCallback } from './import-protocol';

/** A file's bytes, or the error that stops its import (too large, unreadable). */
export async function readFileBytes(file: File): Promise<Uint8Array | ImportError> {
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);
    return { kind: 'error', code: 'too-large', fileName: file.name, message: { sv: `Filen är större än ${mb} MB.`, en: `The file is larger than ${mb} MB.` } };
  }
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return {
      kind: 'error',
      code: 'encoding',
      fileName: file.name,
      message: { sv: `Filen kunde inte läsas (${String(error)}).`, en: `The file could not be read (${String(error)}).` },
    };
  }
}

/**
 * What a session needs to know of the app: where the catalogue of codes is, the user's own divisions
 * (their codes and names), and the level shown with its codes and names.
 */
export async function sessionContext(
  catalogue: Catalogue | null,
  loaders: OverlayLoaders | null,
  current: LevelId,
  geometry: JoinGeometry | null,
): Promise<SessionContext> {
  const levels = (catalogue?.levels ?? []).filter((l) => l.id.startsWith('user-level:'));
  const loaded = loaders ? await Promise.all(levels.map((l) => loaders.geometryOf(l).catch(() => null))) : [];
  const own = loaded.flatMap((g) => (g ? [{ level: g.meta.id, codes: g.codes, names: g.areas.features.map((f) => f.properties.name) }] : []));
  return { codesUrl: new URL('data/codes.json', document.baseURI).href, own, current, currentGeometry: geometry };
}

type Payload<K extends CallKind> = SessionCalls[K]['payload'];
type Result<K extends CallKind> = SessionCalls[K]['result'];

/** A session's transport: a worker, or the session itself on the main thread. */
interface Transport {
  call<K extends CallKind>(kind: K, payload: Payload<K>, onProgress: ProgressCallback, transfer: Transferable[]): Promise<Result<K>>;
  close(): void;
}

function workerTransport(): Transport {
  // Vite bundles the worker as a same-origin module file, which the CSP's worker-src 'self' allows.
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (value: never) => void; reject: (reason: Error) => void; onProgress: ProgressCallback }>();
  let next = 1;
  const failAll = (reason: string) => {
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const call = pending.get(message.id);
    if (!call) return;
    if (message.type === 'progress') return call.onProgress(message.stage, message.fraction);
    pending.delete(message.id);
    if (message.type === 'result') call.resolve(message.result as never);
    else call.reject(new Error(message.reason));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(event.message || 'worker failure');
  };
  return {
    call(kind, payload, onProgress, transfer) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress });
        worker.postMessage({ id, kind, ...payload } as WorkerRequest, transfer);
      });
    },
    close() {
      worker.terminate();
      failAll('aborted');
    },
  };
}

async function mainThreadTransport(): Promise<Transport> {
  const [{ ImportSession, runCall }, { fetchCodeCatalogue }] = await Promise.all([import('./import-session'), import('./code-catalogue')]);
  const session = new ImportSession(fetchCodeCatalogue);
  return {
    call: async (kind, payload, onProgress) => (await runCall(session, { id: 0, kind, ...payload } as WorkerRequest, onProgress)) as never,
    close() {},
  };
}

/**
 * One import session: its worker keeps the parsed rows between calls. `close()` ends it (and stops
 * a running call, which then rejects with "aborted").
 */
export class ImportClient {
  private transport: Promise<Transport> | null = null;

  /** Runs one call of the session; rejects when the worker fails or the session is closed. */
  call<K extends CallKind>(kind: K, payload: Payload<K>, onProgress: ProgressCallback = () => {}, transfer: Transferable[] = []): Promise<Result<K>> {
    this.transport ??= typeof Worker === 'undefined' ? mainThreadTransport() : Promise.resolve(workerTransport());
    return this.transport.then((t) => t.call(kind, payload, onProgress, transfer));
  }

  /** Ends the session. */
  close(): void {
    void this.transport?.then((t) => t.close());
    this.transport = null;
  }
}

/** Estimates imported values for a division they do not nest in, in a worker of its own (never rejects; `signal` stops it). */
export async function estimateInWorker(
  input: OverlayInput,
  onProgress: ProgressCallback,
  signal?: AbortSignal,
): Promise<({ ok: true } & OverlayResult) | { ok: false; reason: string }> {
  onProgress('estimating', 0);
  const client = new ImportClient();
  const abort = () => client.close();
  if (signal?.aborted) return { ok: false, reason: 'aborted' };
  signal?.addEventListener('abort', abort);
  try {
    return { ok: true, ...(await client.call('overlay', { input }, onProgress)) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    signal?.removeEventListener('abort', abort);
    client.close();
  }
}
