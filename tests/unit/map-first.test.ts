/** The map-first path of a year change (src/shell/map-first.ts): which changes take it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../src/app/view-store';
import { PanelUpdates, RUN_MS, yearOnly } from '../../src/shell/map-first';
import { DEFAULT_VIEW } from '../../src/state/view-state';

describe('yearOnly(shown, next)', () => {
  const shown = { ...DEFAULT_VIEW, year: 2020, highlight: ['0180'] };

  it('is true when only the year changed (a copied highlight list counts as the same)', () => {
    expect(yearOnly(shown, { ...shown, year: 2021, highlight: ['0180'] })).toBe(true);
  });

  it.each([
    ['the same year', {}],
    ['the year and the level', { year: 2021, level: 'gbg-deso' as const }],
    ['the year and the indicator', { year: 2021, indicator: 'kolada-n00923' }],
    ['the year and the selected area', { year: 2021, area: '1480' }],
    ['the year and the highlights', { year: 2021, highlight: ['0180', '1480'] }],
    ['the year and the language', { year: 2021, lang: 'en' as const }],
  ])('is false for %s', (_title, patch) => {
    expect(yearOnly(shown, { ...shown, ...patch })).toBe(false);
  });
});

describe('afterPaint(task)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs the task once, in a task after the next animation frame', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const task = vi.fn();
    afterPaint(task);
    vi.advanceTimersByTime(10);
    expect(task).not.toHaveBeenCalled();
    frames.shift()!();
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs the task after a moment when no frame comes (a hidden page)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const task = vi.fn();
    afterPaint(task);
    vi.advanceTimersByTime(200);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('PanelUpdates.yearChanged(now)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('updates the panels after the next frame for a lone change, and once after a run of changes pauses for RUN_MS', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const update = vi.fn();
    const panels = new PanelUpdates(update);
    panels.yearChanged(1000);
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(update).toHaveBeenCalledTimes(1);
    // A run: 50 ms apart. Nothing until the run has paused for RUN_MS.
    panels.yearChanged(1050);
    vi.advanceTimersByTime(50);
    panels.yearChanged(1100);
    vi.advanceTimersByTime(50);
    panels.yearChanged(1150);
    vi.advanceTimersByTime(RUN_MS - 1);
    expect(update).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(update).toHaveBeenCalledTimes(2);
    // After the pause, a lone change goes back to the next frame.
    panels.yearChanged(1150 + RUN_MS + 500);
    expect(frames).toHaveLength(1);
  });
});
