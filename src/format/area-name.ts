/** Area names as the views show them. Pure. */

/**
 * The name of an area without the code the data build appends where areas share a name
 * ("Fiskebäck södra (1480C1390)" → "Fiskebäck södra"), for views that show the code beside it.
 * A name that is nothing but the code (Borås's DeSO) stays as it is.
 */
export function nameWithoutCode(name: string, code: string): string {
  const suffix = ` (${code})`;
  const rest = name.endsWith(suffix) ? name.slice(0, -suffix.length).trimEnd() : '';
  return rest === '' ? name : rest;
}
