import { describe, expect, it } from 'vitest';
import { areaCaveats, markedCaveats, STUDENT_SHARE_THRESHOLD } from '../../src/stats/caveats';

const income = { ageCaveat: 'students' as const };
const lifeExpectancy = {};
const basis = { deso: 2, split: 2, splitShare: 1, uncertain: true };

describe('areaCaveats(indicator, shareAged20to24, basis)', () => {
  it.each<[string, { ageCaveat?: 'students' }, number | null, string[]]>([
    ['Olofshöjd: 39.2 % aged 20–24 on an income indicator', income, 39.2, ['students']],
    ['exactly the threshold counts', income, STUDENT_SHARE_THRESHOLD, ['students']],
    ['just below the threshold does not', income, 19.9, []],
    ['an indicator students do not distort', lifeExpectancy, 39.2, []],
    ['no share known', income, null, []],
    ['NaN is not a share', income, NaN, []],
  ])('%s', (_, indicator, share, kinds) => {
    expect(areaCaveats(indicator, share, null).map((c) => c.kind)).toEqual(kinds);
  });

  it('always carries the estimate basis of an estimated area, first', () => {
    expect(areaCaveats(income, 48.3, basis)).toEqual([
      { kind: 'estimate', basis },
      { kind: 'students', share: 48.3 },
    ]);
  });
});

describe('markedCaveats(caveats)', () => {
  const certain = { deso: 7, split: 2, splitShare: 0.158, uncertain: false };
  it.each<[string, Parameters<typeof markedCaveats>[0], string[]]>([
    ['none', [], []],
    ['a certain estimate is not marked', [{ kind: 'estimate', basis: certain }], []],
    ['a less certain estimate is (Arendal: all from split DeSO)', [{ kind: 'estimate', basis }], ['estimate']],
    ['students are', [{ kind: 'students', share: 39.2 }], ['students']],
    [
      'both, in order',
      [
        { kind: 'estimate', basis },
        { kind: 'students', share: 48.3 },
      ],
      ['estimate', 'students'],
    ],
    [
      'students beside a certain estimate',
      [
        { kind: 'estimate', basis: certain },
        { kind: 'students', share: 21 },
      ],
      ['students'],
    ],
  ])('%s', (_, caveats, kinds) => {
    expect(markedCaveats(caveats).map((c) => c.kind)).toEqual(kinds);
  });
});
