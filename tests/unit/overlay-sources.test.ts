import { describe, expect, it } from 'vitest';
import type { LevelMeta } from '../../src/data/types';
import { overlaySources } from '../../src/import/overlay-host';

const level = (id: string, bbox: LevelMeta['bbox']) => ({ id, bbox }) as LevelMeta;
const GBG: LevelMeta['bbox'] = [11.6, 57.5, 12.2, 57.9];
const BORAS: LevelMeta['bbox'] = [12.6, 57.5, 13.3, 57.9];
const LEVELS = [
  level('kommun', [11, 55, 24, 69]),
  level('gbg-primaromrade', GBG),
  level('gbg-deso', GBG),
  level('gbg-regso', GBG),
  level('boras-deso', BORAS),
  level('user-level:a', [11.9, 57.7, 12.0, 57.75]),
  level('user-level:b', [12.8, 57.7, 12.9, 57.75]),
];

describe('overlaySources(levels, target)', () => {
  it.each([
    {
      title: 'primärområden: DeSO and RegSO, and an own division that overlaps',
      target: 'gbg-primaromrade',
      expected: ['gbg-deso', 'gbg-regso', 'user-level:a'],
    },
    {
      title: 'an own division: the overlapping shipped levels below the kommun, DeSO first',
      target: 'user-level:a',
      expected: ['gbg-deso', 'gbg-regso', 'gbg-primaromrade'],
    },
    { title: 'an own division in Borås: Borås DeSO only', target: 'user-level:b', expected: ['boras-deso'] },
    { title: 'a level with no overlay sources', target: 'kommun', expected: [] },
    { title: 'an unknown level', target: 'user-level:gone', expected: [] },
  ])('$title', ({ target, expected }) => {
    expect(overlaySources(LEVELS, target as LevelMeta['id'])).toEqual(expected);
  });
});
