import { describe, expect, it } from 'vitest';
import { apportion, groupSources, nestShares, overlayShares, type SourceValue } from '../../src/data/aggregate';

/**
 * Two DeSO squares, A = [0,2]×[0,2] and B = [2,4]×[0,2], and one primärområde P = [1,3]×[0,2]
 * covering the right half of A and the left half of B; Q = [0,1]×[0,2] and R = [3,4]×[0,2] take the rest.
 * Intersection areas by hand: A∩Q = 2, A∩P = 2, B∩P = 2, B∩R = 2; each DeSO has area 4.
 */
const squares = () => ({
  intersections: new Map([
    [
      'A',
      new Map([
        ['Q', 2],
        ['P', 2],
      ]),
    ],
    [
      'B',
      new Map([
        ['P', 2],
        ['R', 2],
      ]),
    ],
  ]),
  areas: new Map([
    ['A', 4],
    ['B', 4],
  ]),
});

const vals = (entries: [string, number, number][]) => new Map<string, SourceValue>(entries.map(([c, value, weight]) => [c, { value, weight }]));

describe('overlayShares(intersections, sourceArea, minShare)', () => {
  it('divides each intersection by the source area', () => {
    const { intersections, areas } = squares();
    const s = overlayShares(intersections, areas);
    expect(s.get('A')?.get('P')).toBe(0.5);
    expect(s.get('B')?.get('R')).toBe(0.5);
  });

  it('drops slivers below 0.5 % and renormalises the rest to sum to 1', () => {
    // 0.004 of the area is a sliver; 0.896 + 0.1 = 0.996 renormalised: 0.896/0.996, 0.1/0.996.
    const s = overlayShares(
      new Map([
        [
          'A',
          new Map([
            ['P', 896],
            ['Q', 100],
            ['R', 4],
          ]),
        ],
      ]),
      new Map([['A', 1000]]),
    );
    expect([...(s.get('A')?.keys() ?? [])]).toEqual(['P', 'Q']);
    expect(s.get('A')?.get('P')).toBeCloseTo(0.896 / 0.996, 12);
    expect(s.get('A')?.get('Q')).toBeCloseTo(0.1 / 0.996, 12);
  });

  it('renormalises a source that lies partly outside every target (nothing is lost)', () => {
    const s = overlayShares(
      new Map([
        [
          'A',
          new Map([
            ['P', 30],
            ['Q', 50],
          ]),
        ],
      ]),
      new Map([['A', 100]]),
    );
    expect(s.get('A')?.get('P')).toBeCloseTo(0.375, 12);
    expect(s.get('A')?.get('Q')).toBeCloseTo(0.625, 12);
  });

  it('leaves out sources with zero area or only slivers', () => {
    const s = overlayShares(
      new Map([
        ['A', new Map([['P', 1]])],
        ['B', new Map([['P', 1]])],
      ]),
      new Map([
        ['A', 0],
        ['B', 1000],
      ]),
    );
    expect(s.size).toBe(0);
  });
});

describe('apportion(shares, values, targets, options)', () => {
  const shares = () => {
    const { intersections, areas } = squares();
    return overlayShares(intersections, areas);
  };

  it('splits counts by area share: P = ½·100 + ½·300 = 200', () => {
    const e = apportion(
      shares(),
      vals([
        ['A', 100, 1],
        ['B', 300, 1],
      ]),
      ['P', 'Q', 'R'],
      { aggregation: 'count' },
    );
    expect(e.get('P')?.value).toBe(200);
    expect(e.get('Q')?.value).toBe(50);
    expect(e.get('R')?.value).toBe(150);
  });

  it('weights rates by share × population: P = (½·100·10 + ½·300·30) / (½·100 + ½·300) = 25', () => {
    const e = apportion(
      shares(),
      vals([
        ['A', 10, 100],
        ['B', 30, 300],
      ]),
      ['P'],
      { aggregation: 'rate' },
    );
    expect(e.get('P')?.value).toBe(25);
    expect(e.get('P')?.coverage).toBe(1);
  });

  it('gives no value when sources with a value cover less than 90 % of the population', () => {
    const pop = new Map([
      ['A', 100],
      ['B', 300],
    ]);
    const e = apportion(shares(), vals([['A', 10, 100]]), ['P', 'Q'], {
      aggregation: 'rate',
      coverageWeight: (c) => pop.get(c) ?? 0,
    });
    expect(e.get('P')?.value).toBeNull();
    expect(e.get('P')?.coverage).toBe(0.25); // ½·100 / (½·100 + ½·300)
    expect(e.get('P')?.lacking).toEqual(['B']);
    expect(e.get('Q')?.value).toBe(10); // Q lies wholly in A
  });

  it('keeps a value at exactly 90 % coverage', () => {
    const s = new Map([
      ['A', new Map([['P', 1]])],
      ['B', new Map([['P', 1]])],
    ]);
    const pop = new Map([
      ['A', 900],
      ['B', 100],
    ]);
    const e = apportion(s, vals([['A', 7, 900]]), ['P'], { aggregation: 'rate', coverageWeight: (c) => pop.get(c) ?? 0 });
    expect(e.get('P')?.value).toBe(7);
  });

  it('has coverage 0 and no value for a target no source touches, and for a rate with zero weight', () => {
    const e = apportion(
      shares(),
      vals([
        ['A', 10, 0],
        ['B', 30, 0],
      ]),
      ['P', 'Z'],
      { aggregation: 'rate' },
    );
    expect(e.get('Z')).toEqual({ value: null, coverage: 0, lacking: [] });
    expect(e.get('P')?.value).toBeNull();
  });

  it('treats a NaN value as missing', () => {
    const e = apportion(
      shares(),
      vals([
        ['A', Number.NaN, 1],
        ['B', 30, 1],
      ]),
      ['P'],
      { aggregation: 'count' },
    );
    expect(e.get('P')?.value).toBeNull();
    expect(e.get('P')?.lacking).toEqual(['A']);
  });
});

describe('nestShares(shares, parentOf)', () => {
  // Q and P lie in mellanområde M1, R in M2.
  const parent = (t: string) => ({ Q: 'M1', P: 'M1', R: 'M2' })[t];
  const shares = () => {
    const { intersections, areas } = squares();
    return overlayShares(intersections, areas);
  };

  it("sums a source's shares per parent", () => {
    const n = nestShares(shares(), parent);
    expect(n.get('A')?.get('M1')).toBe(1);
    expect(n.get('B')?.get('M1')).toBe(0.5);
    expect(n.get('B')?.get('M2')).toBe(0.5);
  });

  it('nested counts equal the sums of the children: M1 = Q + P = 50 + 200', () => {
    const e = apportion(
      nestShares(shares(), parent),
      vals([
        ['A', 100, 1],
        ['B', 300, 1],
      ]),
      ['M1', 'M2'],
      { aggregation: 'count' },
    );
    expect(e.get('M1')?.value).toBe(250);
    expect(e.get('M2')?.value).toBe(150);
  });

  it('nested rates equal the children weighted by their population: M1 = (50·10 + 200·25) / 250 = 22', () => {
    const e = apportion(
      nestShares(shares(), parent),
      vals([
        ['A', 10, 100],
        ['B', 30, 300],
      ]),
      ['M1'],
      { aggregation: 'rate' },
    );
    expect(e.get('M1')?.value).toBe(22);
  });

  it('leaves out targets without a parent', () => {
    const n = nestShares(shares(), (t) => (t === 'R' ? undefined : 'M1'));
    expect([...(n.get('B')?.keys() ?? [])]).toEqual(['M1']);
  });
});

describe('groupSources(intersections, sourceArea, unitOf)', () => {
  it('sums the parts of a split area into its unit before shares are taken', () => {
    // X1 (area 4) lies in P, X2 (area 12) half in P, half in Q; both are parts of X0.
    const g = groupSources(
      new Map([
        ['X1', new Map([['P', 4]])],
        [
          'X2',
          new Map([
            ['P', 6],
            ['Q', 6],
          ]),
        ],
        ['Y', new Map([['Q', 5]])],
      ]),
      new Map([
        ['X1', 4],
        ['X2', 12],
        ['Y', 5],
      ]),
      (c) => (c.startsWith('X') ? 'X0' : c),
    );
    expect(g.sourceArea.get('X0')).toBe(16);
    const s = overlayShares(g.intersections, g.sourceArea);
    expect(s.get('X0')?.get('P')).toBe(10 / 16);
    expect(s.get('X0')?.get('Q')).toBe(6 / 16);
    expect(s.get('Y')?.get('Q')).toBe(1);
  });
});
