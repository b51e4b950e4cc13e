/** A test division for the boundary-import tests: three 1 km squares in central Göteborg. */

/** A 1 km square in SWEREF 99 TM with its south-west corner at (e, n). */
function square(e: number, n: number): number[][][] {
  return [
    [
      [e, n],
      [e + 1000, n],
      [e + 1000, n + 1000],
      [e, n + 1000],
      [e, n],
    ],
  ];
}

/**
 * Three squares side by side (T1 Västra rutan, T2 Mittrutan, T3 Östra rutan), in EPSG:3006 with a
 * `crs` member and kod/namn properties, plus `extra` properties on each.
 */
export function squaresGeoJson(extra: Record<string, unknown> = {}) {
  const feature = (kod: string, namn: string, e: number) => ({
    type: 'Feature',
    properties: { kod, namn, ...extra },
    geometry: { type: 'Polygon', coordinates: square(e, 6398000) },
  });
  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } },
    features: [feature('T1', 'Västra rutan', 317000), feature('T2', 'Mittrutan', 318000), feature('T3', 'Östra rutan', 319000)],
  };
}
