import { describe, expect, it } from 'vitest';
import { guessedFiles, planFirstPaint } from '../../src/first-paint/plan';
import { DEFAULT_VIEW } from '../../src/state/view-state';

describe('planFirstPaint(search)', () => {
  it.each([
    ['', { draw: true, level: DEFAULT_VIEW.level, indicator: DEFAULT_VIEW.indicator }],
    ['?level=gbg-deso&indicator=scb-deso-low-econ&year=2020', { draw: true, level: 'gbg-deso', indicator: 'scb-deso-low-econ' }],
    ['?area=1480&hl=1480,1280&class=jenks&k=7', { draw: true, level: 'kommun', indicator: DEFAULT_VIEW.indicator }],
    ['?view=table', { draw: false, reason: 'table' }],
    ['?mode=change', { draw: false, reason: 'change-view' }],
    ['?mode=scatter&level=gbg-deso', { draw: false, reason: 'change-view' }],
    ['?indicator=user:abc', { draw: false, reason: 'user-data' }],
    ['?level=user-level:xyz', { draw: false, reason: 'user-data' }],
    ['?speaker=1', { draw: false, reason: 'speaker' }],
  ])('%s → %o', (search, plan) => expect(planFirstPaint(search)).toEqual(plan));
});

describe('guessedFiles(level, indicator)', () => {
  it('names the files as the data build does', () => {
    expect(guessedFiles('gbg-deso', 'scb-deso-low-econ')).toEqual({ geometry: 'geo/gbg-deso.topo.json', values: 'values/gbg-deso/scb-deso-low-econ.json' });
  });

  it.each([
    ['../x', 'a'],
    ['kommun', 'a/b'],
    ['Kommun', 'a'],
    ['', 'a'],
  ])('guesses nothing for %s / %s', (level, indicator) => {
    expect(guessedFiles(level, indicator)).toBeNull();
  });
});
