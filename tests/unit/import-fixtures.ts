/** Shared by the parser tests on saved API samples (JSON-stat, Kolada, PxWeb). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ImportedTable, ImportResult } from '../../src/import/types';

const FIXTURES = join(import.meta.dirname, '../fixtures/api');

/** A fresh copy of a saved sample per call: no shared mutable fixtures. */
export const sample = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** The table of an import result; fails the test on an error result. */
export function table(result: ImportResult): ImportedTable {
  if (result.kind !== 'table') throw new Error(`expected a table, got ${JSON.stringify(result)}`);
  return result;
}

/** Row lookup: area, year, measure → [value, status]; exactly one row must match. */
export function cell(t: ImportedTable, code: string, year: number, measure: string) {
  const r = t.rows.filter((x) => x.code === code && x.year === year && x.measure === measure);
  expect(r).toHaveLength(1);
  return [r[0]?.value, r[0]?.status];
}
