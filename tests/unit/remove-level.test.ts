import { describe, expect, it } from 'vitest';
import type { Catalogue, LevelId } from '../../src/data/types';
import { viewAfterRemoval, withoutLevel } from '../../src/import/remove-level';
import { DEFAULT_VIEW, type ViewState } from '../../src/state/view-state';
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
    const rematched = dataset('rematched', 'gbg-primaromrade', {
      'gbg-primaromrade': join('gbg-primaromrade'),
      'gbg-mellanomrade': join('gbg-mellanomrade', { derivedFrom: LEVEL }),
    });
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

describe('viewAfterRemoval(catalogue, view, level)', () => {
  const indicator = (id: string, levels: Partial<Record<LevelId, number[]>>) =>
    ({ id, levels: Object.fromEntries(Object.entries(levels).map(([l, years]) => [l, { years, file: id }])) }) as unknown as Catalogue['indicators'][number];
  // The catalogue after the removal: the dataset 'user:own' is gone, 'user:deso' lost its join to the division.
  const catalogue = {
    levels: [],
    indicators: [indicator('kolada-n66077', { kommun: [2020, 2022] }), indicator('user:deso', { 'gbg-deso': [2021] })],
  } as unknown as Catalogue;
  const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

  it('falls back to the default level and indicator when the view showed the division and a dataset that went with it', () => {
    expect(viewAfterRemoval(catalogue, view({ level: LEVEL, indicator: 'user:own', year: 2021, area: 'T1' }), LEVEL)).toEqual({
      level: 'kommun',
      indicator: 'kolada-n66077',
      area: null,
      from: null,
      to: null,
      year: 2022,
    });
  });

  it('keeps a view that used neither', () => {
    expect(viewAfterRemoval(catalogue, view({ level: 'gbg-deso', indicator: 'user:deso', year: 2021 }), LEVEL)).toBeNull();
  });

  it('changes only the indicator when the level stays but the dataset lost its values there', () => {
    expect(viewAfterRemoval(catalogue, view({ level: 'kommun', indicator: 'user:own', year: 2020 }), LEVEL)).toMatchObject({
      level: 'kommun',
      indicator: 'kolada-n66077',
      year: 2020,
    });
  });
});
