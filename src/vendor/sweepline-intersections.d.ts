/** sweepline-intersections ships no types: the one function Klyftkartan uses. */
declare module 'sweepline-intersections' {
  import type { Feature, FeatureCollection, Geometry } from 'geojson';
  /** Intersection points of a GeoJSON geometry's lines and rings (self-intersections too, unless `ignoreSelfIntersections`). */
  export default function findIntersections(geojson: Geometry | Feature | FeatureCollection, ignoreSelfIntersections?: boolean): [number, number][];
}
