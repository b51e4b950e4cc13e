/** The map controller's parts that need no browser: colour fades, highlights, the camera before maplibre, the draw loop. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CameraSync, type BBox } from '../../src/map/camera-sync';
import { ColorFade, easeInOut } from '../../src/map/color-fade';
import { DrawLoop } from '../../src/map/draw-loop';
import { Highlights } from '../../src/map/highlights';
import { cameraAt, fitCamera } from '../../src/map/web-mercator';

afterEach(() => vi.unstubAllGlobals());

describe('easeInOut(t)', () => {
  it.each([
    [0, 0],
    [0.25, 0.125],
    [0.5, 0.5],
    [0.75, 0.875],
    [1, 1],
  ])('easeInOut(%d) = %d', (t, expected) => expect(easeInOut(t)).toBeCloseTo(expected, 12));
});

describe('new ColorFade(from, to, ms, start).at(now)', () => {
  const from = new Uint8Array([0, 100, 200, 255]);
  const to = new Uint8Array([200, 100, 0, 255]);

  it('starts at the old colours and is half-way at half time (eased: 0.5 at t = 0.5)', () => {
    const fade = new ColorFade(from, to, 1000, 0);
    expect([...fade.at(0).colors]).toEqual([0, 100, 200, 255]);
    expect([...fade.at(500).colors]).toEqual([100, 100, 100, 255]);
    expect(fade.at(500).done).toBe(false);
  });

  it('ends with the new colours themselves, done', () => {
    const fade = new ColorFade(from, to, 1000, 0);
    expect(fade.at(1000)).toEqual({ colors: to, done: true });
    expect(fade.at(5000).colors).toBe(to);
  });

  it('fades from a copy: changing the old array afterwards changes nothing', () => {
    const old = from.slice();
    const fade = new ColorFade(old, to, 1000, 0);
    old.fill(9);
    expect(fade.at(0).colors[0]).toBe(0);
  });
});

describe('Highlights', () => {
  it('set(hovered, selected) reports a change only when one of them changed', () => {
    const h = new Highlights();
    expect(h.set(null, null)).toBe(false);
    expect(h.set(3, null)).toBe(true);
    expect(h.set(3, null)).toBe(false);
    expect(h.set(3, 5)).toBe(true);
    expect([h.hovered, h.selected]).toEqual([3, 5]);
  });

  it('emphasise(indices, count) drops repeats, fractions and indices outside the level', () => {
    const h = new Highlights();
    expect(h.emphasise([2, 2, -1, 4, 1.5, 7, 0], 5)).toBe(true);
    expect(h.emphasised).toEqual([2, 4, 0]);
    expect(h.emphasise([2, 4, 0], 5)).toBe(false);
    expect(h.emphasise([], 5)).toBe(true);
  });

  it('clear() forgets everything (a new level)', () => {
    const h = new Highlights();
    h.set(1, 2);
    h.emphasise([3], 4);
    h.clear();
    expect([h.hovered, h.selected, h.emphasised]).toEqual([null, null, []]);
  });
});

describe('CameraSync before maplibre', () => {
  const gothenburg: BBox = [11.6, 57.55, 12.2, 57.85];

  it('fits the level’s box by default, as maplibre’s fitBounds would', () => {
    const cameras = new CameraSync(16);
    expect(cameras.current(800, 600, gothenburg)).toEqual(fitCamera(gothenburg, 800, 600, 16));
  });

  it('fitTo and show ask the canvas to draw (no maplibre yet) and set the camera it draws with', () => {
    const cameras = new CameraSync(16);
    expect(cameras.fitTo(gothenburg, 40)).toBe(true);
    expect(cameras.current(800, 600, null)).toEqual(fitCamera(gothenburg, 800, 600, 40));
    expect(cameras.show([12, 57.7], 9)).toBe(true);
    expect(cameras.current(800, 600, gothenburg)).toEqual(cameraAt([12, 57.7], 9));
  });

  it('falls back to Sweden without a level or a fit', () => {
    const camera = new CameraSync(0).current(400, 800, null);
    expect(camera).toEqual(fitCamera([10.5, 55.2, 24.3, 69.1], 400, 800, 0));
  });
});

describe('DrawLoop', () => {
  /** A hand-cranked requestAnimationFrame. */
  function frames() {
    const queue: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => queue.push(callback));
    return { run: () => queue.splice(0).forEach((callback) => callback(0)), pending: () => queue.length };
  }

  it('draws once in the next frame however often it is asked in one frame', () => {
    const { run, pending } = frames();
    let draws = 0;
    const loop = new DrawLoop(
      () => (draws++, true),
      () => true,
    );
    loop.request();
    loop.request();
    loop.request();
    expect(pending()).toBe(1);
    run();
    expect(draws).toBe(1);
  });

  it('keeps drawing in the following frames while the drawing is not settled (a fade)', () => {
    const { run } = frames();
    let left = 3;
    const loop = new DrawLoop(
      () => --left <= 0,
      () => true,
    );
    loop.request();
    run();
    run();
    run();
    expect(left).toBe(0);
  });

  it('whenDrawn() resolves after the next draw, at once without anything to draw into', async () => {
    const { run } = frames();
    let active = true;
    const loop = new DrawLoop(
      () => true,
      () => active,
    );
    let resolved = false;
    void loop.whenDrawn().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    run();
    await Promise.resolve();
    expect(resolved).toBe(true);
    active = false;
    await expect(loop.whenDrawn()).resolves.toBeUndefined();
  });

  it('times a colour change until the draw that showed it', () => {
    const { run } = frames();
    const loop = new DrawLoop(
      () => true,
      () => true,
    );
    expect(loop.lastColorMs).toBeNull();
    loop.colorsChanged();
    loop.request();
    run();
    expect(loop.lastColorMs).toBeGreaterThanOrEqual(0);
  });
});
