/** Shared by the map layer tests (layers.ts, scene-effects.ts). */
import type { FeatureCollection } from 'geojson';

/** Three unit squares side by side; the last one is a MultiPolygon. */
export function threeAreas(): FeatureCollection {
  const square = (x: number) => [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'A', name: 'Åmål' }, geometry: { type: 'Polygon', coordinates: square(0) } },
      { type: 'Feature', properties: { code: 'B', name: 'Borås' }, geometry: { type: 'Polygon', coordinates: square(1) } },
      { type: 'Feature', properties: { code: 'C', name: 'Öckerö' }, geometry: { type: 'MultiPolygon', coordinates: [square(2), square(4)] } },
    ],
  };
}
