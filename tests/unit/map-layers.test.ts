import { describe, expect, it } from 'vitest';
import { threeAreas } from './map-fixtures';
import { areaLabels, choroplethLayerId, choroplethLayers, DECK_LAYER_IDS, isChoroplethLayerId, prepareAreas, type ChoroplethInput } from '../../src/map/layers';
import { buildBaseStyle, LAYER_IDS, type Basemap } from '../../src/map/map-style';


function input(overrides: Partial<ChoroplethInput> = {}): ChoroplethInput {
  return {
    areas: prepareAreas('kommun', threeAreas()),
    colors: new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]),
    colorKey: 'n00923:2020',
    hoveredIndex: null,
    selectedIndex: null,
    ...overrides,
  };
}

function layerById(layers: ReturnType<typeof choroplethLayers>, id: string) {
  const layer = layers.find((l) => l.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return layer;
}

type FillAccessor = (f: unknown, info: { index: number }) => number[];

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

  it('handles an empty collection', () => {
    const areas = prepareAreas('kommun', { type: 'FeatureCollection', features: [] });
    expect(areas.names).toEqual([]);
    expect(areas.labelPoints).toEqual([]);
  });
});

describe('choroplethLayers(input)', () => {
  it('returns the choropleth and the labels with stable ids', () => {
    const ids = choroplethLayers(input()).map((l) => l.id);
    expect(ids).toEqual([
      choroplethLayerId('kommun'),
      DECK_LAYER_IDS.areaBorders,
      DECK_LAYER_IDS.parentBorders,
      DECK_LAYER_IDS.hover,
      DECK_LAYER_IDS.selected,
      DECK_LAYER_IDS.labels,
    ]);
    expect(ids).toEqual(['choropleth:kommun', 'area-borders', 'parent-borders', 'area-hover', 'area-selected', 'labels']);
  });

  it('keeps the data identity when only the colours change, so geometry is not rebuilt', () => {
    const base = input();
    const before = layerById(choroplethLayers(base), 'choropleth:kommun');
    const after = layerById(
      choroplethLayers({ ...base, colors: new Uint8Array(12).fill(7), colorKey: 'n00923:2021' }),
      'choropleth:kommun',
    );
    expect(after.props.data).toBe(before.props.data);
  });

  it('keys the fill colour on the colour key', () => {
    const a = layerById(choroplethLayers(input({ colorKey: 'x:2020' })), 'choropleth:kommun');
    const b = layerById(choroplethLayers(input({ colorKey: 'x:2021' })), 'choropleth:kommun');
    expect(a.props.updateTriggers.getFillColor).toBe('x:2020');
    expect(b.props.updateTriggers.getFillColor).toBe('x:2021');
  });

  it('is filled, pickable and unstroked (outlines are separate GL-line layers)', () => {
    const { props } = layerById(choroplethLayers(input()), 'choropleth:kommun') as unknown as {
      props: { filled: boolean; stroked: boolean; pickable: boolean; autoHighlight: boolean };
    };
    expect(props).toMatchObject({ filled: true, stroked: false, pickable: true, autoHighlight: false });
  });

  it('reads the fill colour of feature i from colors[4i..4i+3]', () => {
    const layer = layerById(choroplethLayers(input()), 'choropleth:kommun');
    const getFillColor = (layer.props as unknown as { getFillColor: FillAccessor }).getFillColor;
    expect(getFillColor(null, { index: 0 })).toEqual([255, 0, 0, 255]);
    expect(getFillColor(null, { index: 2 })).toEqual([0, 0, 255, 255]);
  });

  it('gives a transparent fill to features beyond the colours array', () => {
    const layer = layerById(choroplethLayers(input({ colors: new Uint8Array(4).fill(9) })), 'choropleth:kommun');
    const getFillColor = (layer.props as unknown as { getFillColor: FillAccessor }).getFillColor;
    expect(getFillColor(null, { index: 1 })).toEqual([0, 0, 0, 0]);
  });

  it('passes beforeId through only when given', () => {
    expect(layerById(choroplethLayers(input({ beforeId: 'sea' })), 'choropleth:kommun').props).toMatchObject({ beforeId: 'sea' });
    expect((layerById(choroplethLayers(input()), 'choropleth:kommun').props as { beforeId?: string }).beforeId).toBeUndefined();
  });

  it.each([
    { title: 'nothing hovered or selected', hovered: null, selected: null, expected: [] },
    { title: 'hovered only', hovered: 1, selected: null, expected: ['Borås'] },
    { title: 'selected only', hovered: null, selected: 2, expected: ['Öckerö'] },
    { title: 'hovered and selected', hovered: 0, selected: 2, expected: ['Öckerö', 'Åmål'] },
    { title: 'the same area hovered and selected', hovered: 1, selected: 1, expected: ['Borås'] },
    { title: 'an index outside the level', hovered: 99, selected: null, expected: [] },
  ])('labels $title', ({ hovered, selected, expected }) => {
    const layers = choroplethLayers(input({ hoveredIndex: hovered, selectedIndex: selected }));
    const data = layerById(layers, 'labels').props.data as { name: string }[];
    expect(data.map((d) => d.name)).toEqual(expected);
  });
});

describe('outline layers', () => {
  it('draws area borders from the given mesh once per level, and keeps their data on recolour', () => {
    const mesh = { type: 'MultiLineString' as const, coordinates: [[[0, 0], [1, 1]]] };
    const areas = prepareAreas('kommun', threeAreas(), mesh);
    expect(areas.borders).toEqual([[[0, 0], [1, 1]]]);
    const a = layerById(choroplethLayers(input({ areas })), 'area-borders');
    const b = layerById(choroplethLayers(input({ areas, colorKey: 'other' })), 'area-borders');
    expect(b.props.data).toBe(a.props.data);
  });

  it('falls back to the polygon rings without a mesh', () => {
    const areas = prepareAreas('kommun', threeAreas());
    expect(areas.borders.length).toBeGreaterThanOrEqual(3);
  });

  it('outlines the hovered and selected areas, and keeps the data while they stay the same', () => {
    const areas = prepareAreas('kommun', threeAreas());
    const one = choroplethLayers(input({ areas, hoveredIndex: 0, selectedIndex: 1 }));
    expect((layerById(one, 'area-hover').props.data as unknown[]).length).toBeGreaterThan(0);
    expect((layerById(one, 'area-selected').props.data as unknown[]).length).toBeGreaterThan(0);
    const two = choroplethLayers(input({ areas, hoveredIndex: 0, selectedIndex: 1, colorKey: 'other' }));
    expect(layerById(two, 'area-hover').props.data).toBe(layerById(one, 'area-hover').props.data);
    const none = choroplethLayers(input({ areas }));
    expect(layerById(none, 'area-hover').props.data).toEqual([]);
  });
});

describe('areaLabels(areas, hovered, selected)', () => {
  it('marks the selected label', () => {
    const labels = areaLabels(prepareAreas('kommun', threeAreas()), 0, 1);
    expect(labels.map((l) => [l.index, l.selected])).toEqual([
      [1, true],
      [0, false],
    ]);
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

  it('has only the basemap layers, in drawing order (outlines and highlights are deck layers)', () => {
    const ids = buildBaseStyle(basemap).layers.map((l) => l.id);
    expect(ids).toEqual([LAYER_IDS.background, LAYER_IDS.land, LAYER_IDS.sea, LAYER_IDS.river]);
  });

  it('uses the basemap collections as its sources and builds without a basemap', () => {
    const style = buildBaseStyle(basemap);
    expect(style.sources.land).toMatchObject({ type: 'geojson', data: basemap.land });
    expect(buildBaseStyle(null).sources.sea).toMatchObject({ type: 'geojson' });
  });
});

describe('choroplethLayerId(levelId) and isChoroplethLayerId(id)', () => {
  it('gives each level its own choropleth layer, so nothing of one level’s buffers carries over', () => {
    expect(choroplethLayerId('kommun')).toBe('choropleth:kommun');
    expect(choroplethLayerId('gbg-deso')).not.toBe(choroplethLayerId('kommun'));
    expect(choroplethLayerId('')).toBe('choropleth');
  });

  it('recognises the choropleth of any level, and nothing else', () => {
    expect(isChoroplethLayerId('choropleth:gbg-deso')).toBe(true);
    expect(isChoroplethLayerId('choropleth')).toBe(true);
    expect(isChoroplethLayerId('area-borders')).toBe(false);
    expect(isChoroplethLayerId('choropleths')).toBe(false);
    expect(isChoroplethLayerId(undefined)).toBe(false);
  });
});
