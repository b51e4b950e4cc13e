import { describe, expect, it } from 'vitest';
import { joinByCode, normalizeCode } from '../../src/data/join';

describe('joinByCode', () => {
  it.each([
    {
      title: 'all matched',
      source: ['0114', '1480'],
      geometry: ['1480', '0114'],
      expected: { matched: ['0114', '1480'], unmatchedSource: [], unmatchedGeometry: [], duplicates: [] },
    },
    {
      title: 'unmatched on each side',
      source: ['1480C1010', '1480C1020', '1480C9999'],
      geometry: ['1480C1010', '1480C1020', '1480C1031', '1480C1032'],
      expected: {
        matched: ['1480C1010', '1480C1020'],
        unmatchedSource: ['1480C9999'],
        unmatchedGeometry: ['1480C1031', '1480C1032'],
        duplicates: [],
      },
    },
    {
      title: 'duplicate source codes are reported once and still match',
      source: ['1480', '1480', '1480', '0114'],
      geometry: ['0114', '1480'],
      expected: { matched: ['0114', '1480'], unmatchedSource: [], unmatchedGeometry: [], duplicates: ['1480'] },
    },
    {
      title: 'empty source',
      source: [],
      geometry: ['0114'],
      expected: { matched: [], unmatchedSource: [], unmatchedGeometry: ['0114'], duplicates: [] },
    },
    {
      title: 'empty geometry',
      source: ['0114'],
      geometry: [],
      expected: { matched: [], unmatchedSource: ['0114'], unmatchedGeometry: [], duplicates: [] },
    },
    {
      title: 'both empty',
      source: [],
      geometry: [],
      expected: { matched: [], unmatchedSource: [], unmatchedGeometry: [], duplicates: [] },
    },
    {
      title: 'codes are compared exactly (no silent zero-padding)',
      source: ['114'],
      geometry: ['0114'],
      expected: { matched: [], unmatchedSource: ['114'], unmatchedGeometry: ['0114'], duplicates: [] },
    },
  ])('joinByCode: $title', ({ source, geometry, expected }) => {
    expect(joinByCode(source, geometry)).toEqual(expected);
  });
});

describe('normalizeCode', () => {
  it.each([
    ['0114', '0114'],
    ['114', '0114'],
    [114, '0114'],
    [' 1480 ', '1480'],
    ["'0180", '0180'],
    ['1480c1622', '1480C1622'],
    ['114A0010', '0114A0010'],
    ['14', '14'],
    ['0', '0'],
  ])('normalizeCode(%j) is %j', (raw, expected) => {
    expect(normalizeCode(raw)).toBe(expected);
  });
});
