import { describe, expect, it } from 'vitest';
import { nearestYear, nextPlayYear, stepYear, yearsByDistance } from '../../src/state/timeline';

const election = [2010, 2014, 2018, 2022];

describe('nearestYear(years, year)', () => {
  it.each([
    [2014, 2014],
    [2015, 2014],
    [2016, 2018], // tie goes to the later year
    [1990, 2010],
    [2030, 2022],
  ])('%d → %d', (year, expected) => expect(nearestYear(election, year)).toBe(expected));
  it('is undefined without years', () => expect(nearestYear([], 2020)).toBeUndefined());
});

describe('stepYear(years, year, delta)', () => {
  it('steps over gaps and clamps at the ends', () => {
    expect(stepYear(election, 2014, 1)).toBe(2018);
    expect(stepYear(election, 2014, -1)).toBe(2010);
    expect(stepYear(election, 2010, -1)).toBe(2010);
    expect(stepYear(election, 2022, 5)).toBe(2022);
    expect(stepYear(election, 2015, 1)).toBe(2018); // from the nearest year
    expect(stepYear([], 2015, 1)).toBeUndefined();
  });
});

describe('nextPlayYear(years, year)', () => {
  it('advances and wraps after the last year', () => {
    expect(nextPlayYear(election, 2010)).toBe(2014);
    expect(nextPlayYear(election, 2022)).toBe(2010);
    expect(nextPlayYear(election, 1999)).toBe(2010);
  });
});

describe('yearsByDistance(years, year)', () => {
  it('lists the other years nearest first, a step forward before a step back', () => {
    expect(yearsByDistance([2018, 2019, 2020, 2021, 2022], 2020)).toEqual([2021, 2019, 2022, 2018]);
    expect(yearsByDistance(election, 2014)).toEqual([2018, 2010, 2022]);
  });
  it('counts steps at the ends and from the nearest year when the year has no data', () => {
    expect(yearsByDistance(election, 2022)).toEqual([2018, 2014, 2010]);
    expect(yearsByDistance(election, 2015)).toEqual([2014, 2018, 2010, 2022]);
    expect(yearsByDistance([], 2020)).toEqual([]);
  });
});
