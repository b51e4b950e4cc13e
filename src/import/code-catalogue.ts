/**
 * The catalogue of codes (public/data/codes.json, written by the data build): the codes and names of
 * every division the importer recognises a file by. The import worker fetches it when a file is
 * imported, never the first view.
 *
 * What it covers: the app's own map levels (their codes and names as drawn); Sweden's 21 län and
 * 290 kommuner; all 5,984 DeSO 2018 codes and all 3,363 RegSO 2020 codes and names; and, for the
 * DeSO levels on the map, which DeSO 2018 codes were replaced in 2025 and by which codes. What it
 * cannot cover: DeSO 2025 and RegSO 2025 codes outside the kommuner the app has maps for (the
 * source data has them only for Göteborg and Borås), and divisions of other kommuner's own.
 */
import type { LevelId, ShippedLevelId } from '../data/types';
import type { JoinGeometry } from './division-index';

/** codes.json. */
export interface CodeCatalogue {
  version: 1;
  /** Each shipped map level's areas in feature order: codes, names ('' when the name is the code), and the kommun they all lie in. */
  levels: Partial<Record<ShippedLevelId, { codes: string[]; names: string[]; kommun?: string }>>;
  /** Sweden's län: two-digit codes and names ("Stockholms län"). */
  lan: { codes: string[]; names: string[] };
  /** Every DeSO 2018 by kommun: kommun code → the rest of each code ("C1010" of "0114C1010"). */
  deso2018: Record<string, string[]>;
  /** Every RegSO 2020 by kommun: kommun code → [the rest of the code ("R001"), name]. */
  regso2020: Record<string, [string, string][]>;
  /** Per DeSO map level: DeSO 2018 codes that no longer exist in 2025 → the codes that replaced them. */
  desoChanges: Partial<Record<ShippedLevelId, Record<string, string[]>>>;
}

/** Divisions known only from the catalogue: no map of their own. */
export type VocabularyId = 'lan' | 'deso-2018' | 'regso-2020';

/** A division a file's keys are tried against: a map level, or a catalogue-only vocabulary. */
export interface Division {
  id: LevelId | VocabularyId;
  /** The map level it is, or null for a vocabulary. */
  level: LevelId | null;
  geometry: JoinGeometry;
}

/** A division of the user's own, as the main thread hands it to the worker. */
export interface UserDivision {
  level: LevelId;
  codes: string[];
  names: string[];
}

/** The kommun names by code, from the kommun level. */
function kommunNames(catalogue: CodeCatalogue): Map<string, string> {
  const kommun = catalogue.levels.kommun;
  return new Map(kommun ? kommun.codes.map((code, i) => [code, kommun.names[i] || code]) : []);
}

/**
 * Every division a file is tried against: the shipped map levels (with their kommun's name, so
 * "Göteborg (Hammarkullen)" matches, and DeSO 2018 codes replaced in 2025), the user's own, then the
 * vocabularies without a map: län, DeSO 2018 and RegSO 2020 of all Sweden.
 */
export function divisionsOf(catalogue: CodeCatalogue, own: readonly UserDivision[] = []): Division[] {
  const kommuner = kommunNames(catalogue);
  const divisions: Division[] = [];
  for (const [id, level] of Object.entries(catalogue.levels) as [ShippedLevelId, NonNullable<CodeCatalogue['levels'][ShippedLevelId]>][]) {
    const previous = catalogue.desoChanges[id];
    const kommunName = level.kommun ? kommuner.get(level.kommun) : undefined;
    const geometry: JoinGeometry = {
      codes: level.codes,
      names: level.names.map((name, i) => name || level.codes[i] || ''),
      ...(level.kommun ? { region: level.kommun } : {}),
      ...(kommunName ? { kommunNames: kommunName } : {}),
      ...(previous ? { previous } : {}),
    };
    divisions.push({ id, level: id, geometry });
  }
  for (const d of own) divisions.push({ id: d.level, level: d.level, geometry: { codes: d.codes, names: d.names } });
  divisions.push({ id: 'lan', level: null, geometry: { codes: catalogue.lan.codes, names: catalogue.lan.names } });
  const deso = Object.entries(catalogue.deso2018).flatMap(([kommun, rest]) => rest.map((r) => kommun + r));
  divisions.push({ id: 'deso-2018', level: null, geometry: { codes: deso, names: [] } });
  const regso = Object.entries(catalogue.regso2020).flatMap(([kommun, list]) =>
    list.map(([r, name]) => ({ code: kommun + r, name, kommun: kommuner.get(kommun) ?? '' })),
  );
  divisions.push({
    id: 'regso-2020',
    level: null,
    geometry: { codes: regso.map((r) => r.code), names: regso.map((r) => r.name), kommunNames: regso.map((r) => r.kommun) },
  });
  return divisions;
}

/** Fetches the catalogue of codes (in the import worker; on the page only where workers are missing). */
export async function fetchCodeCatalogue(url: string): Promise<CodeCatalogue> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as CodeCatalogue;
}
