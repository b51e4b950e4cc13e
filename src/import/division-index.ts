/**
 * One division's codes and names indexed for the lookups an import makes: a file's code as written
 * or normalised to the division's form, a code of an earlier version (DeSO 2018 → 2025), and a name
 * (diacritics and case folded, "Kommun (Område)" understood). Pure; runs in the import worker.
 */
import { codeFor, codeInName, digitWidth, foldName, nameReadings, withoutGenitive } from './area-keys';

/** A division's areas as the join sees them (feature order). */
export interface JoinGeometry {
  codes: readonly string[];
  names: readonly string[];
  /** Kommun code all areas lie in ("1480" for Göteborg's DeSO): same-shaped codes of other kommuner are outside the map. */
  region?: string;
  /** The kommun's name of each area, or one name for all ("Göteborg"), so that "Göteborg (Hammarkullen)" matches "Hammarkullen". */
  kommunNames?: string | readonly string[];
  /** Codes of an earlier version that no longer exist → the codes that replaced them (DeSO 2018 "1480C1620" → 2025 "1480C1621", "1480C1622"). */
  previous?: Readonly<Record<string, readonly string[]>>;
}

/** How a key found its area. */
export type MatchMethod = 'code' | 'normalised-code' | 'name';

/** The lookups of one division. */
export interface DivisionIndex {
  readonly geometry: JoinGeometry;
  /** Digits shared by all codes (4 for kommuner), or null. */
  readonly width: number | null;
  /** The area of a code, as written or normalised. */
  byCode(raw: string): { index: number; method: MatchMethod } | null;
  /** The current codes replacing an earlier code, or null when the code is not an earlier one. */
  byPrevious(raw: string): readonly string[] | null;
  /** The area of a name (or of a code cell that is really a name), or undefined; names shared by several areas match none. */
  byName(code: string, name: string | undefined): number | undefined;
  /** Whether a code has the shape of the division's codes but lies in another kommun than its region. */
  isOutside(raw: string): boolean;
}

/** The shape of a code: digits → 9, letters → A ("1480C1622" → "9999A9999"). */
function codeShape(code: string): string {
  return code.replace(/\d/g, '9').replace(/[A-Z]/g, 'A');
}

/** A map of unique keys: a key added twice maps to -1 (ambiguous). */
function addUnique(map: Map<string, number>, key: string, index: number): void {
  if (!key) return;
  const seen = map.get(key);
  map.set(key, seen === undefined || seen === index ? index : -1);
}

const found = (index: number | undefined): number | undefined => (index === undefined || index < 0 ? undefined : index);

/** Indexes a division for the join and the division detector. */
export function indexDivision(geometry: JoinGeometry): DivisionIndex {
  const { codes, names } = geometry;
  const width = digitWidth(codes);
  const exact = new Map(codes.map((code, i) => [code, i]));
  const normalised = new Map<string, number>();
  codes.forEach((code, i) => normalised.set(codeFor(code, width), i));
  const previous = new Map(Object.entries(geometry.previous ?? {}).map(([code, next]) => [codeFor(code, width), next]));
  // Names are looked up with their diacritics first ("Håbo" and "Habo" are two kommuner), then without.
  const plainNames = [new Map<string, number>(), new Map<string, number>()] as const;
  const qualifiedNames = [new Map<string, number>(), new Map<string, number>()] as const;
  const kommunOf = (i: number): string => {
    const k = geometry.kommunNames;
    return typeof k === 'string' ? k : (k?.[i] ?? '');
  };
  names.forEach((name, i) => {
    for (const [tier, keep] of [
      [0, true],
      [1, false],
    ] as const) {
      const folded = foldName(name, keep);
      addUnique(plainNames[tier], folded, i);
      const kommun = foldName(kommunOf(i), keep);
      if (kommun) addUnique(qualifiedNames[tier], `${kommun}|${folded}`, i);
    }
  });
  const region = geometry.region;
  const regional = region !== undefined && codes.length > 0 && codes.every((c) => c.startsWith(region));
  const shapes = new Set(codes.map(codeShape));

  const lookupName = (text: string): number | undefined => {
    for (const [tier, keep] of [
      [0, true],
      [1, false],
    ] as const) {
      for (const reading of nameReadings(text, keep)) {
        const plain = reading.qualifier === undefined;
        const hit = found(plain ? plainNames[tier].get(reading.area) : qualifiedNames[tier].get(`${reading.qualifier}|${reading.area}`));
        if (hit !== undefined) return hit;
        // "Göteborgs kommun", "Stockholms län": the genitive s is not part of the area's name.
        const bare = plain ? withoutGenitive(reading.area) : null;
        const bareHit = bare ? found(plainNames[tier].get(bare)) : undefined;
        if (bareHit !== undefined) return bareHit;
      }
    }
    const inner = codeInName(text);
    return inner ? normalised.get(codeFor(inner, width)) : undefined;
  };

  return {
    geometry,
    width,
    byCode(raw) {
      const asWritten = exact.get(raw.trim());
      if (asWritten !== undefined) return { index: asWritten, method: 'code' };
      const index = normalised.get(codeFor(raw, width));
      return index === undefined ? null : { index, method: 'normalised-code' };
    },
    byPrevious(raw) {
      return previous.get(codeFor(raw, width)) ?? null;
    },
    byName(code, name) {
      for (const candidate of [name, code]) {
        if (!candidate) continue;
        const index = lookupName(candidate);
        if (index !== undefined) return index;
      }
      return undefined;
    },
    isOutside(raw) {
      if (!regional) return false;
      const code = codeFor(raw, width);
      return code !== '' && shapes.has(codeShape(code)) && !code.startsWith(region);
    },
  };
}
