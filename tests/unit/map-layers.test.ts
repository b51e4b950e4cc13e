import { describe, expect, it } from 'vitest';
import { threeAreas } from './map-fixtures';
import { prepareAreas } from '../../src/map/layers';
import { buildBaseStyle, LAYER_IDS, type Basemap } from '../../src/map/map-style';

describe('prepareAreas(levelId, collection)', () => {
  it('keeps the features array and gives each area a name and a label point inside it', () => {
    const collection = threeAreas();
    const areas = prepareAreas('kommun', collection);
    expect(areas.features).toBe(collection.features);
    expect(areas.names).toEqual(['Åmål', 'Borås', 'Öckerö']);
    const [x, y] = areas.labelPoints[1]!;
    expect(x).toBeGreaterThanOrEqual(1);
    expect(x).toBeLessThanOrEqual(2);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(1);
  });

  it('keeps the mesh as border lines, or null so the renderer strokes every ring', () => {
    const mesh = {
      type: 'MultiLineString' as const,
      coordinates: [
        [
          [1, 0],
          [1, 1],
        ],
        [
          [2, 0],
          [2, 1],
        ],
      ],
    };
    expect(prepareAreas('kommun', threeAreas(), mesh).borders).toEqual(mesh.coordinates);
    expect(prepareAreas('kommun', threeAreas()).borders).toBeNull();
  });

  it('handles an empty collection', () => {
    const areas = prepareAreas('kommun', { type: 'FeatureCollection', features: [] });
    expect(areas.names).toEqual([]);
    expect(areas.labelPoints).toEqual([]);
  });
});

describe('buildBaseStyle(basemap, theme)', () => {
  const basemap: Basemap = {
    land: { type: 'FeatureCollection', features: [] },
    sea: { type: 'FeatureCollection', features: [] },
    river: { type: 'FeatureCollection', features: [] },
  };

  it('is offline: no glyphs, no sprite, no URLs', () => {
    const style = buildBaseStyle(basemap);
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:/);
    expect(text).not.toMatch(/"(tiles|url)"/);
  });

  it('has no symbol layers (they would need glyphs)', () => {
    expect(buildBaseStyle(basemap).layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('has only the basemap layers, in drawing order (the choropleth is a 2D canvas above)', () => {
    const ids = buildBaseStyle(basemap).layers.map((l) => l.id);
    expect(ids).toEqual([LAYER_IDS.background, LAYER_IDS.land, LAYER_IDS.sea, LAYER_IDS.river]);
  });

  it('uses the basemap collections as its sources and builds without a basemap', () => {
    const style = buildBaseStyle(basemap);
    expect(style.sources.land).toMatchObject({ type: 'geojson', data: basemap.land });
    expect(buildBaseStyle(null).sources.sea).toMatchObject({ type: 'geojson' });
  });
});
