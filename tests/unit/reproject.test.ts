import { describe, expect, it } from 'vitest';
import { epsgOfCrs, fromWgs84, reprojectToWgs84, toWgs84 } from '../../src/data/reproject';

// Lantmäteriet's own transformation of one point (as quoted by the MightyLittleGeodesy test suite,
// "Conversion values from Lantmateriet.se"): SWEREF 99 TM N 6 652 797.165, E 658 185.201
// = N 59° 58' 55.23001", E 17° 50' 6.11997".
const LM = {
  northing: 6652797.165,
  easting: 658185.201,
  lat: 59 + 58 / 60 + 55.23001 / 3600,
  lon: 17 + 50 / 60 + 6.11997 / 3600,
};

describe('toWgs84', () => {
  it('toWgs84("3006") matches Lantmäteriet\'s SWEREF 99 TM → WGS84 pair within 1e-7°', () => {
    const [lon, lat] = toWgs84('3006')([LM.easting, LM.northing]);
    expect(lon).toBeCloseTo(LM.lon, 7);
    expect(lat).toBeCloseTo(LM.lat, 7);
  });

  it('fromWgs84("3006") matches the same pair within 1 cm', () => {
    const [e, n] = fromWgs84('3006')([LM.lon, LM.lat]);
    expect(Math.abs((e ?? 0) - LM.easting)).toBeLessThan(0.01);
    expect(Math.abs((n ?? 0) - LM.northing)).toBeLessThan(0.01);
  });

  it('toWgs84("3007") puts the false easting 150 000 m on the central meridian 12°E', () => {
    const [lon, lat] = toWgs84('3007')([150000, 6400000]);
    expect(lon).toBeCloseTo(12, 9);
    expect(lat).toBeGreaterThan(57.7);
    expect(lat).toBeLessThan(57.75);
  });

  it('toWgs84 throws on an unsupported code', () => {
    expect(() => toWgs84('3021')).toThrow(/unsupported crs/);
  });
});

describe('epsgOfCrs', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::3006', '3006'],
    ['urn:ogc:def:crs:EPSG::3007', '3007'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', null],
  ])('epsgOfCrs(%s) is %s', (name, expected) => {
    expect(epsgOfCrs({ type: 'name', properties: { name } })).toBe(expected);
  });

  it('epsgOfCrs(undefined) is null (RFC 7946 WGS84)', () => {
    expect(epsgOfCrs(undefined)).toBeNull();
  });
});

describe('reprojectToWgs84', () => {
  it("reprojects every vertex by the collection's crs and keeps properties", () => {
    const fc = reprojectToWgs84({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } },
      features: [
        {
          type: 'Feature',
          properties: { code: 'x' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [LM.easting, LM.northing],
                  [LM.easting + 1, LM.northing],
                  [LM.easting, LM.northing],
                ],
              ],
            ],
          },
        },
      ],
    });
    const f = fc.features[0];
    expect(f?.properties).toEqual({ code: 'x' });
    const p = f?.geometry.type === 'MultiPolygon' ? f.geometry.coordinates[0]?.[0]?.[0] : undefined;
    expect(p?.[0]).toBeCloseTo(LM.lon, 7);
    expect(p?.[1]).toBeCloseTo(LM.lat, 7);
    expect('crs' in fc).toBe(false);
  });
});
