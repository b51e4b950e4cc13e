/**
 * The app's Canvas 2D renderer (src/map/canvas-choropleth.ts) alone, without maplibre: the
 * figure behind the choice of renderer.
 */
import { CanvasChoropleth, prepareCanvasLevel } from '../src/map/canvas-choropleth';
import { fitCamera } from '../src/map/web-mercator';
import { geometryPaths } from '../src/map/geometry-paths';
import { CANVAS_STYLE } from '../src/map/map-style';
import { exposeRenderer, nextFrame } from './driver';

const canvas = document.getElementById('map') as HTMLCanvasElement;
const renderer = new CanvasChoropleth(canvas, CANVAS_STYLE);
renderer.lines.style.cssText = 'position:absolute;inset:0;width:100%;height:100%';
document.body.append(renderer.lines);

exposeRenderer({
  async show(level, colors) {
    const features = level.areas.features;
    renderer.setLevel(
      prepareCanvasLevel({
        geometries: features.map((f) => f.geometry),
        names: features.map((f) => String(f.properties?.['name'] ?? '')),
        labelPoints: features.map(() => [0, 0]),
        borders: level.borders ? geometryPaths([level.borders]) : null,
        parentBorders: [],
        bbox: level.bbox,
      }),
    );
    renderer.setView({
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      pixelRatio: devicePixelRatio,
      camera: fitCamera(level.bbox, canvas.clientWidth, canvas.clientHeight, 16),
    });
    renderer.setColors(colors);
    renderer.draw();
    await nextFrame();
  },
  setColors(colors) {
    renderer.setColors(colors);
    renderer.draw();
  },
  drawn: nextFrame,
});
