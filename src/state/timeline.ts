/** Year stepping without UI, so play/step/clamp are unit-tested (after owid's TimelineController). */

/** The available year nearest to `year`; ties go to the later year. */
export function nearestYear(years: readonly number[], year: number): number | undefined {
  let best: number | undefined;
  for (const y of years) {
    if (best === undefined || Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y > best)) best = y;
  }
  return best;
}

/** The year `delta` steps from `year` in `years` (sorted ascending), clamped to the ends. */
export function stepYear(years: readonly number[], year: number, delta: number): number | undefined {
  if (years.length === 0) return undefined;
  let index = years.indexOf(year);
  if (index < 0) index = years.indexOf(nearestYear(years, year)!);
  const next = Math.max(0, Math.min(years.length - 1, index + delta));
  return years[next];
}

/** The year after `year` while playing: wraps to the first year after the last. */
export function nextPlayYear(years: readonly number[], year: number): number | undefined {
  if (years.length === 0) return undefined;
  const index = years.indexOf(year);
  if (index < 0 || index >= years.length - 1) return years[0];
  return years[index + 1];
}

/**
 * `years` other than `year`, nearest first (one step forward before one step back): the order in
 * which a reader is likely to ask for them, as the map renders them ahead.
 */
export function yearsByDistance(years: readonly number[], year: number): number[] {
  const index = years.indexOf(year);
  const at = index < 0 ? years.indexOf(nearestYear(years, year) ?? year) : index;
  return years
    .map((y, i) => ({ y, d: Math.abs(i - at) * 2 - (i > at ? 1 : 0) }))
    .filter(({ y }) => y !== year)
    .sort((a, b) => a.d - b.d)
    .map(({ y }) => y);
}
