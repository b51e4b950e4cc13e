import { describe, expect, it } from 'vitest';
import { cameraAt, fitCamera, latOf, lonOf, mercatorX, mercatorY } from '../../src/map/web-mercator';

describe('mercatorX / mercatorY and their inverses', () => {
  it.each([
    [-180, 0],
    [0, 0.5],
    [180, 1],
  ])('lon %d → x %d', (lon, x) => expect(mercatorX(lon)).toBeCloseTo(x, 12));

  it('puts the equator in the middle and the north above it (y grows southwards)', () => {
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(60)).toBeLessThan(0.5);
    // ln(tan(45° + 30°)) = 1.3169579 → y = (180 − 75.4561) / 360
    expect(mercatorY(60)).toBeCloseTo((180 - (180 / Math.PI) * 1.3169578969248166) / 360, 12);
  });

  it('round-trips through lonOf / latOf', () => {
    for (const [lon, lat] of [
      [11.97, 57.7],
      [24.1, 69.0],
      [-70, -33],
    ] as const) {
      expect(lonOf(mercatorX(lon))).toBeCloseTo(lon, 9);
      expect(latOf(mercatorY(lat))).toBeCloseTo(lat, 9);
    }
  });
});

describe('fitCamera(box, width, height, padding)', () => {
  it('fits the box’s wider side inside the padding and centres on the middle of its diagonal', () => {
    // The equator box [-90, 0, 90, 10]: 0.5 world wide, so 800 − 2·16 px across → world 1536 px.
    const box: [number, number, number, number] = [-90, 0, 90, 10];
    const camera = fitCamera(box, 800, 600, 16);
    expect(camera.worldSize).toBeCloseTo(768 / 0.5, 9);
    expect(camera.x).toBeCloseTo(0.5, 12);
    expect(camera.y).toBeCloseTo((mercatorY(10) + mercatorY(0)) / 2, 12);
  });

  it('fits a tall box by its height', () => {
    const box: [number, number, number, number] = [11, 55, 24, 69];
    const camera = fitCamera(box, 1000, 500, 0);
    expect(camera.worldSize).toBeCloseTo(500 / (mercatorY(55) - mercatorY(69)), 6);
  });

  it('shifts the centre by half the difference of uneven padding, as maplibre does', () => {
    const box: [number, number, number, number] = [-90, 0, 90, 10];
    const even = fitCamera(box, 800, 600, { top: 0, bottom: 0, left: 100, right: 100 });
    const uneven = fitCamera(box, 800, 600, { top: 0, bottom: 0, left: 200, right: 0 });
    expect(uneven.worldSize).toBeCloseTo(even.worldSize, 9);
    // The box moves 100 px right on screen: the centre moves 100 px left in the world.
    expect((even.x - uneven.x) * uneven.worldSize).toBeCloseTo(100, 6);
  });

  it('caps the zoom at maxZoom', () => {
    const tiny: [number, number, number, number] = [11.97, 57.7, 11.9700001, 57.7000001];
    expect(fitCamera(tiny, 800, 600, 0, 14).worldSize).toBe(512 * 2 ** 14);
  });
});

describe('cameraAt(center, zoom)', () => {
  it('is 512 px of world at zoom 0, doubling per zoom level', () => {
    expect(cameraAt([0, 0], 0)).toEqual({ x: 0.5, y: expect.closeTo(0.5, 12), worldSize: 512 });
    expect(cameraAt([0, 0], 3).worldSize).toBe(4096);
  });
});
