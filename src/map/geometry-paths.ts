/** Lines of GeoJSON geometries as [lon, lat] paths (no map library), for borders and outlines. */
import type { Geometry } from 'geojson';

/** A line as [lon, lat] positions. */
export type Path = [number, number][];

/** The lines of (Multi)LineString / (Multi)Polygon geometries as paths. */
export function geometryPaths(geometries: Iterable<Geometry | null | undefined>): Path[] {
  const paths: Path[] = [];
  for (const g of geometries) {
    if (!g) continue;
    switch (g.type) {
      case 'LineString':
        paths.push(g.coordinates as Path);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of g.coordinates) paths.push(line as Path);
        break;
      case 'MultiPolygon':
        for (const polygon of g.coordinates) for (const ring of polygon) paths.push(ring as Path);
        break;
      case 'GeometryCollection':
        paths.push(...geometryPaths(g.geometries));
        break;
      default:
        break;
    }
  }
  return paths;
}
