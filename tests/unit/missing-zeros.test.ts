import { describe, expect, it } from 'vitest';
import { implausibleZeros, minNeighbourFor } from '../../scripts/missing-zeros';

const series = (entries: [number, number | null][]) => new Map(entries);

describe('implausibleZeros(series, minNeighbour)', () => {
  it.each<[string, [number, number | null][], number[]]>([
    [
      'a zero between two shares above 1 % (Sundsvall 2020: 5.56, 0, 4.96)',
      [
        [2019, 5.56],
        [2020, 0],
        [2021, 4.96],
      ],
      [2020],
    ],
    [
      'a run of zeros at the end after a share above 1 % (Åre 2020–2022: 4.46, 0, 0)',
      [
        [2020, 4.46],
        [2021, 0],
        [2022, 0],
      ],
      [2021, 2022],
    ],
    [
      'a zero at the start before a share above 1 %',
      [
        [2010, 0],
        [2011, 2.4],
        [2012, 2.6],
      ],
      [2010],
    ],
    [
      'a zero between small shares (a true 0 is possible)',
      [
        [2019, 0.4],
        [2020, 0],
        [2021, 0.5],
      ],
      [],
    ],
    [
      'a zero next to a share below 1 % on one side',
      [
        [2019, 5],
        [2020, 0],
        [2021, 0.8],
      ],
      [],
    ],
    [
      'a series of zeros only',
      [
        [2019, 0],
        [2020, 0],
        [2021, 0],
      ],
      [],
    ],
    [
      'no zeros',
      [
        [2019, 1],
        [2020, 2],
      ],
      [],
    ],
    [
      'years without a value are skipped, not neighbours',
      [
        [2018, 6],
        [2019, null],
        [2020, 0],
        [2021, null],
        [2022, 5],
      ],
      [2020],
    ],
  ])('%s', (_, entries, years) => {
    expect(implausibleZeros(series(entries), 1).map((z) => z.year)).toEqual(years);
  });

  it('reports the nearest non-zero values around the run', () => {
    expect(
      implausibleZeros(
        series([
          [2012, 87.3],
          [2013, 0],
          [2014, 88.9],
        ]),
        1,
      ),
    ).toEqual([{ year: 2013, neighbours: [87.3, 88.9] }]);
    expect(
      implausibleZeros(
        series([
          [2020, 3.3],
          [2021, 0],
          [2022, 0],
        ]),
        1,
      ),
    ).toEqual([
      { year: 2021, neighbours: [3.3, null] },
      { year: 2022, neighbours: [3.3, null] },
    ]);
  });
});

describe('minNeighbourFor(unit)', () => {
  it('is 1 percentage point for shares, any positive value otherwise', () => {
    expect(minNeighbourFor('percent')).toBe(1);
    expect(
      implausibleZeros(
        series([
          [2000, 0.01],
          [2001, 0],
          [2002, 0.02],
        ]),
        minNeighbourFor('days'),
      ).map((z) => z.year),
    ).toEqual([2001]);
  });
});
