/**
 * Lists years compactly, joining consecutive runs with an en dash:
 * [2011, 2012, 2013, 2018, 2022] → "2011–2013, 2018, 2022". Input need not be sorted;
 * duplicates and non-integers are ignored.
 */
export function formatYears(years: readonly number[]): string {
  const sorted = [...new Set(years.filter(Number.isInteger))].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const year of [...sorted.slice(1), NaN]) {
    if (start === undefined || previous === undefined) break;
    if (year === previous + 1) {
      previous = year;
      continue;
    }
    // Two consecutive years read better as a list than as a range.
    parts.push(start === previous ? `${start}` : previous === start + 1 ? `${start}, ${previous}` : `${start}–${previous}`);
    start = year;
    previous = year;
  }
  return parts.join(', ');
}
