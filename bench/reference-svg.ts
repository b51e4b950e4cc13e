/**
 * The benchmark's reference: the simplest possible choropleth of the same data, as a d3 user
 * writes it. d3-geo projects the level's TopoJSON (Mercator fitted to the page, 16 px
 * padding) into one <path> per area; a year change rewrites each path's `fill`.
 *
 * `?level=kommun&indicator=kolada-n66077&year=2022&dir=higher-worse` draws the shipped values
 * (5-class quantiles over all years, ColorBrewer YlOrRd, the app's default classing) and sets
 * the paint marker, with a year slider under the map as a d3 user adds one (its `input` rewrites
 * the fills; `data-map-key` is written in the animation frame that paints them, as the app does).
 * `#harness` instead exposes the year-change driver (bench/driver.ts).
 */
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { markFirstPaint } from '../src/first-paint/paint-marker';

const YL_OR_RD_5 = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const NO_DATA = '#969696';
const svg = document.getElementById('map') as unknown as SVGSVGElement;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Draws the features as one path each; returns the paths in feature order. */
export function drawPaths(areas: GeoJSON.FeatureCollection, fills: (i: number) => string): SVGPathElement[] {
  const width = svg.clientWidth;
  const height = svg.clientHeight;
  const projection = geoMercator().fitExtent(
    [
      [16, 16],
      [width - 16, height - 16],
    ],
    areas,
  );
  const path = geoPath(projection);
  svg.replaceChildren();
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('stroke', '#fff');
  group.setAttribute('stroke-width', '0.5');
  const paths = areas.features.map((f, i) => {
    const el = document.createElementNS(SVG_NS, 'path');
    el.setAttribute('d', path(f) ?? '');
    el.setAttribute('fill', fills(i));
    group.appendChild(el);
    return el;
  });
  svg.appendChild(group);
  return paths;
}

/** Type-7 quantile breaks of a sorted array (as d3.quantileSorted). */
function quantileBreaks(sorted: number[], k: number): number[] {
  return Array.from({ length: k - 1 }, (_, i) => {
    const h = (sorted.length - 1) * ((i + 1) / k);
    const lo = Math.floor(h);
    return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (h - lo);
  });
}

async function drawShipped(params: URLSearchParams): Promise<void> {
  const level = params.get('level') ?? 'kommun';
  const indicator = params.get('indicator') ?? 'kolada-n66077';
  const [topology, values] = await Promise.all([
    fetch(`/data/geo/${level}.topo.json`).then((r) => r.json() as Promise<Topology>),
    fetch(`/data/values/${level}/${indicator}.json`).then((r) => r.json()),
  ]);
  const areas = feature(topology, topology.objects['areas'] as GeometryCollection) as GeoJSON.FeatureCollection;
  const yearIndex = Math.max(0, values.years.indexOf(Number(params.get('year'))));
  const column = new Map<string, number>(values.codes.map((c: string, j: number) => [c, j]));
  const all = (values.values as (number | null)[][])
    .flat()
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const breaks = quantileBreaks(all, 5);
  const palette = params.get('dir') === 'higher-better' ? [...YL_OR_RD_5].reverse() : YL_OR_RD_5;
  const fill = (year: number, i: number): string => {
    const v = values.values[year][column.get(String(areas.features[i]!.properties!['code'])) ?? -1];
    if (v === null || v === undefined) return NO_DATA;
    let c = 0;
    while (c < breaks.length && v >= breaks[c]!) c++;
    return palette[c]!;
  };
  const paths = drawPaths(areas, (i) => fill(yearIndex, i));
  await markFirstPaint();
  const slider = document.createElement('input');
  Object.assign(slider, { type: 'range', min: '0', max: String(values.years.length - 1), value: String(yearIndex) });
  slider.setAttribute('aria-label', 'Year');
  slider.style.cssText = 'position:fixed;left:16px;right:16px;bottom:8px';
  slider.addEventListener('input', () => {
    const year = Number(slider.value);
    for (let i = 0; i < paths.length; i++) paths[i]!.setAttribute('fill', fill(year, i));
    requestAnimationFrame(() => (document.documentElement.dataset.mapKey = String(values.years[year])));
  });
  document.body.append(slider);
  document.documentElement.dataset.mapReady = 'true';
}

if (location.hash === '#harness') {
  void import('./reference-svg-harness').then((m) => m.start(drawPaths));
} else {
  void drawShipped(new URLSearchParams(location.search));
}
