/**
 * SYNTHETIC geometry and values for benchmarks only (never shipped to users):
 * a grid of square "areas" over southern Sweden, and a seeded random series.
 */

/** A seeded PRNG (mulberry32), so every run measures the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` square polygons in a near-square grid inside the bbox (labelled synthetic). */
export function syntheticGrid(count: number, bbox: [number, number, number, number]): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  const [w, s, e, n] = bbox;
  const cols = Math.ceil(Math.sqrt(count * ((e - w) / (n - s))));
  const rows = Math.ceil(count / cols);
  const dx = (e - w) / cols;
  const dy = (n - s) / rows;
  const features: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  for (let i = 0; i < count; i++) {
    const x = w + (i % cols) * dx;
    const y = s + Math.floor(i / cols) * dy;
    // A few extra vertices per side, closer to real boundaries than bare squares.
    const ring: [number, number][] = [];
    const steps = 4;
    for (let k = 0; k < steps; k++) ring.push([x + (dx * k) / steps, y]);
    for (let k = 0; k < steps; k++) ring.push([x + dx, y + (dy * k) / steps]);
    for (let k = 0; k < steps; k++) ring.push([x + dx - (dx * k) / steps, y + dy]);
    for (let k = 0; k < steps; k++) ring.push([x, y + dy - (dy * k) / steps]);
    ring.push([x, y]);
    features.push({
      type: 'Feature',
      properties: { code: `SYN${i}`, name: `Synthetic ${i}`, parents: {} },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** `years` rows of random values (a smooth field plus noise) for `count` areas. */
export function syntheticSeries(count: number, years: number, seed = 1): Float64Array[] {
  const random = mulberry32(seed);
  const base = Float64Array.from({ length: count }, () => 5 + random() * 30);
  return Array.from({ length: years }, (_, y) => Float64Array.from(base, (v) => Math.max(0, v + y * 0.3 + (random() - 0.5) * 4)));
}
