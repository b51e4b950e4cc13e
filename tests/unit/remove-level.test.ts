import { describe, expect, it } from 'vitest';
import type { LevelId } from '../../src/data/types';
import { withoutLevel } from '../../src/import/remove-level';
import type { UserDataset, UserJoin } from '../../src/import/user-data-store';

const LEVEL: LevelId = 'user-level:abc';

function join(level: LevelId, extra: Partial<UserJoin> = {}): UserJoin {
  return {
    values: { indicator: 'user:x', level, years: [2020], codes: ['a'], values: [[1]], missing: {} },
    summary: { matchedRows: 1, totalRows: 1, matchedAreas: 1, mapAreas: 1 } as unknown as UserJoin['summary'],
    matchByName: false,
    ...extra,
  };
}

function dataset(id: string, levelId: LevelId, joins: UserDataset['joins']): UserDataset {
  return {
    id,
    name: id,
    createdAt: '2026-01-01T00:00:00Z',
    fileName: `${id}.csv`,
    format: 'csv-long',
    levelId,
    choices: {} as UserDataset['choices'],
    joins,
    table: {} as UserDataset['table'],
  };
}

describe('withoutLevel(datasets, level)', () => {
  it('removes the datasets first joined to the division, with every join and estimate made from them', () => {
    const own = dataset('own', LEVEL, { [LEVEL]: join(LEVEL), 'gbg-primaromrade': join('gbg-primaromrade', { derivedFrom: LEVEL, estimated: 'area' }) });
    const other = dataset('other', 'kommun', { kommun: join('kommun') });
    const out = withoutLevel([own, other], LEVEL);
    expect(out.removed.map((d) => d.id)).toEqual(['own']);
    expect(out.datasets).toEqual([other]);
    expect(out.changed).toEqual([]);
  });

  it('keeps a dataset joined elsewhere but drops its join to the division and the values estimated from it', () => {
    const deso = dataset('deso', 'gbg-deso', {
      'gbg-deso': join('gbg-deso'),
      [LEVEL]: join(LEVEL, { derivedFrom: 'gbg-deso', estimated: 'population' }),
      'gbg-primaromrade': join('gbg-primaromrade', { derivedFrom: 'gbg-deso', estimated: 'population' }),
    });
    const rematched = dataset('rematched', 'gbg-primaromrade', { 'gbg-primaromrade': join('gbg-primaromrade'), 'gbg-mellanomrade': join('gbg-mellanomrade', { derivedFrom: LEVEL }) });
    const out = withoutLevel([deso, rematched], LEVEL);
    expect(out.removed).toEqual([]);
    expect(out.changed.map((d) => [d.id, Object.keys(d.joins).sort()])).toEqual([
      ['deso', ['gbg-deso', 'gbg-primaromrade']],
      ['rematched', ['gbg-primaromrade']],
    ]);
    expect(out.datasets.map((d) => d.id)).toEqual(['deso', 'rematched']);
  });

  it('removes a dataset left without joins', () => {
    const only = dataset('only', 'kommun', { [LEVEL]: join(LEVEL) });
    expect(withoutLevel([only], LEVEL).removed.map((d) => d.id)).toEqual(['only']);
  });
});
