/** Year-change driver for the SVG reference: a change rewrites every path's `fill`. */
import { cssColor, exposeRenderer, nextFrame } from './driver';

export function start(drawPaths: (areas: GeoJSON.FeatureCollection, fills: (i: number) => string) => SVGPathElement[]): void {
  let paths: SVGPathElement[] = [];
  exposeRenderer({
    async show(level, colors) {
      paths = drawPaths(level.areas, (i) => cssColor(colors, i));
      await nextFrame();
      await nextFrame();
    },
    setColors(colors) {
      for (let i = 0; i < paths.length; i++) paths[i]!.setAttribute('fill', cssColor(colors, i));
    },
    drawn: nextFrame,
  });
}
