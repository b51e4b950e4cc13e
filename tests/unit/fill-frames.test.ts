/** The pre-rendered fill frames of the adjacent years (src/map/fill-frames.ts), with a fake renderer and clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FillFrames, NEAR, QUIET_MS, SETTLE_MS, type UpcomingColors } from '../../src/map/fill-frames';

/** A stand-in ImageBitmap that remembers what it was rendered from and whether it was closed. */
interface FakeFrame {
  colors: Uint8Array;
  view: string;
  closed: boolean;
  close(): void;
}

const colouring = (key: string, value: number): UpcomingColors => ({ key, colors: new Uint8Array([value, 0, 0, 255]) });

/** Frames of 1 MB each under a budget of `budget` MB. */
function setup(budget = 10) {
  let view = 'v1';
  const rendered: FakeFrame[] = [];
  const frames = new FillFrames(
    (colors) => {
      const frame: FakeFrame = {
        colors,
        view,
        closed: false,
        close() {
          this.closed = true;
        },
      };
      rendered.push(frame);
      return frame as unknown as ImageBitmap;
    },
    () => view,
    () => 1_000_000,
    budget * 1_000_000,
  );
  return { frames, rendered, setView: (v: string) => (view = v) };
}

beforeEach(() => {
  vi.useFakeTimers();
  // No requestIdleCallback in Node: FillFrames falls back to a 1 ms timeout.
  vi.stubGlobal('requestIdleCallback', undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('FillFrames', () => {
  it('renders the wanted colourings once the view has been still for SETTLE_MS, one per idle turn', () => {
    const { frames, rendered } = setup();
    frames.viewChanged('v1');
    const wish = vi.fn(() => [colouring('2020', 1), colouring('2022', 2)]);
    frames.want(wish);
    vi.advanceTimersByTime(SETTLE_MS - 10);
    expect(wish).not.toHaveBeenCalled();
    expect(rendered).toHaveLength(0);
    vi.advanceTimersByTime(20);
    expect(wish).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10);
    expect(rendered.map((f) => f.colors[0])).toEqual([1, 2]);
    expect((frames.get('2020', 'v1') as unknown as FakeFrame).colors[0]).toBe(1);
    expect((frames.get('2022', 'v1') as unknown as FakeFrame).colors[0]).toBe(2);
  });

  it('never gives a frame rendered for another view, and drops every frame when the view changes', () => {
    const { frames, rendered } = setup();
    frames.viewChanged('v1');
    frames.want(() => [colouring('2020', 1)]);
    vi.advanceTimersByTime(SETTLE_MS + 10);
    expect(frames.get('2020', 'v2')).toBeNull();
    frames.viewChanged('v2');
    expect(frames.get('2020', 'v1')).toBeNull();
    expect(rendered[0]!.closed).toBe(true);
    expect(frames.size).toBe(0);
  });

  it('renders nothing while the view keeps moving, then renders for the view it settled on', () => {
    const { frames, rendered, setView } = setup();
    frames.viewChanged('v1');
    frames.want(() => [colouring('2020', 1)]);
    for (let i = 2; i <= 10; i++) {
      vi.advanceTimersByTime(SETTLE_MS / 2);
      setView(`v${i}`);
      frames.viewChanged(`v${i}`);
    }
    expect(rendered).toHaveLength(0);
    vi.advanceTimersByTime(SETTLE_MS + 10);
    expect(rendered.map((f) => f.view)).toEqual(['v10']);
    expect(frames.get('2020', 'v10')).not.toBeNull();
  });

  it('does not render when the view moved without a draw naming it (the frame would be stale)', () => {
    const { frames, rendered, setView } = setup();
    frames.viewChanged('v1');
    frames.want(() => [colouring('2020', 1)]);
    setView('v2');
    vi.advanceTimersByTime(SETTLE_MS + 10);
    expect(rendered).toHaveLength(0);
  });

  it('keeps the frame on screen and the new wish, and closes the rest', () => {
    const { frames, rendered } = setup();
    frames.viewChanged('v1');
    frames.want(() => [colouring('2020', 1), colouring('2022', 2)]);
    vi.advanceTimersByTime(SETTLE_MS + 10);
    // 2022 is shown now; its neighbours are 2021 and 2023.
    frames.showing('2022');
    frames.want(() => [colouring('2021', 3), colouring('2023', 4)]);
    vi.advanceTimersByTime(10);
    expect(rendered.find((f) => f.colors[0] === 1)!.closed).toBe(true);
    expect(rendered.find((f) => f.colors[0] === 2)!.closed).toBe(false);
    expect(frames.get('2022', 'v1')).not.toBeNull();
    expect(frames.get('2020', 'v1')).toBeNull();
    expect(frames.get('2021', 'v1')).not.toBeNull();
    expect(frames.get('2023', 'v1')).not.toBeNull();
    expect(frames.size).toBe(3);
  });

  it('reset() (a new level) drops the frames, the pending renders and the wish', () => {
    const { frames, rendered, setView } = setup();
    frames.viewChanged('v1');
    frames.want(() => [colouring('2020', 1)]);
    vi.advanceTimersByTime(SETTLE_MS + 10);
    frames.want(() => [colouring('2021', 2)]);
    frames.reset();
    expect(rendered[0]!.closed).toBe(true);
    setView('v2');
    frames.viewChanged('v2');
    vi.advanceTimersByTime(SETTLE_MS + 10);
    expect(rendered).toHaveLength(1);
    expect(frames.size).toBe(0);
  });

  it('renders as many frames as the budget holds (the one on screen counted), nearest first, and drops those it no longer holds', () => {
    const { frames, rendered } = setup(3);
    frames.viewChanged('v1');
    frames.showing('2020');
    frames.want(() => ['2021', '2019', '2022', '2018'].map((key, i) => colouring(key, i)));
    vi.advanceTimersByTime(SETTLE_MS + 50);
    expect(rendered.map((f) => f.colors[0])).toEqual([0, 1]);
    expect(frames.size).toBe(2);
    // Now 2019 is on screen (its frame stays); the nearest are 2018 and 2020.
    frames.showing('2019');
    frames.want(() => ['2020', '2018', '2021', '2017'].map((key, i) => colouring(key, 10 + i)));
    vi.advanceTimersByTime(50);
    expect(rendered.find((f) => f.colors[0] === 0)!.closed).toBe(true); // 2021
    expect(frames.get('2019', 'v1')).not.toBeNull();
    expect(frames.get('2020', 'v1')).not.toBeNull();
    expect(frames.get('2018', 'v1')).not.toBeNull();
    expect(frames.get('2021', 'v1')).toBeNull();
    expect(frames.size).toBe(3);
  });

  it(`renders the ${NEAR} nearest at once and the farther ones only once the colours have not changed for QUIET_MS`, () => {
    const { frames, rendered } = setup();
    frames.viewChanged('v1');
    const wish = () => ['2021', '2019', '2022', '2018'].map((key, i) => colouring(key, i));
    frames.want(wish);
    vi.advanceTimersByTime(SETTLE_MS + 50);
    expect(rendered.map((f) => f.colors[0])).toEqual([0, 1]);
    // A new year shown before the quiet moment: its far frames wait again.
    vi.advanceTimersByTime(QUIET_MS - SETTLE_MS - 100);
    frames.want(wish);
    vi.advanceTimersByTime(500);
    expect(rendered).toHaveLength(2);
    vi.advanceTimersByTime(QUIET_MS);
    expect(rendered.map((f) => f.colors[0])).toEqual([0, 1, 2, 3]);
  });
});
