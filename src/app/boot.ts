/** Start-up state of the app and the embed: loading, failed (which file, why), or ready. */
import { LoadError } from '../data/load';

/** Start-up: loading, failed (which file, why), or ready. */
export type Boot = { status: 'loading' } | { status: 'error'; file: string; reason: string } | { status: 'ready' };

/** The failure of a load as the reader is told it: the loader's file and reason, or `fallbackFile` and the error. */
export function errorBoot(error: unknown, fallbackFile: string): Boot {
  const file = error instanceof LoadError ? error.file : fallbackFile;
  const reason = error instanceof LoadError ? error.reason : String(error);
  return { status: 'error', file, reason };
}
