import { describe, expect, it } from 'vitest';
import { formatYears } from '../../src/format/years';

describe('formatYears(years)', () => {
  const cases: { title: string; years: number[]; expected: string }[] = [
    { title: 'empty', years: [], expected: '' },
    { title: 'one year', years: [2022], expected: '2022' },
    { title: 'a consecutive run becomes a range', years: [2011, 2012, 2013, 2014], expected: '2011–2014' },
    { title: 'two consecutive years stay a list', years: [2021, 2022], expected: '2021, 2022' },
    { title: 'sparse election years', years: [2014, 2018, 2022], expected: '2014, 2018, 2022' },
    { title: 'runs and singles mixed', years: [2011, 2012, 2013, 2018, 2020, 2021, 2022], expected: '2011–2013, 2018, 2020–2022' },
    { title: 'unsorted with duplicates and NaN', years: [2013, 2011, NaN, 2012, 2012], expected: '2011–2013' },
  ];
  for (const { title, years, expected } of cases) {
    it(title, () => expect(formatYears(years)).toBe(expected));
  }
});
