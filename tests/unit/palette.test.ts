import { describe, expect, it } from 'vitest';
import { hexToRgba, sequentialPalette } from '../../src/scales/palette';

describe('sequentialPalette(direction, k)', () => {
  it('puts the darkest red at the high end when higher is worse', () => {
    expect(sequentialPalette('higher-worse', 5)).toEqual(['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026']);
  });
  it('reverses the palette when higher is better, so the dark end still means worse', () => {
    expect(sequentialPalette('higher-better', 5)[0]).toBe('#bd0026');
    expect(sequentialPalette('higher-better', 5)[4]).toBe('#ffffb2');
  });
  it('uses a judgement-free blue ramp for neutral indicators', () => {
    expect(sequentialPalette('neutral', 7)).toHaveLength(7);
    expect(sequentialPalette('neutral', 7)[6]).toBe('#084594');
  });
  it('clamps k to the 3–9 classes ColorBrewer defines', () => {
    expect(sequentialPalette('higher-worse', 1)).toHaveLength(3);
    expect(sequentialPalette('higher-worse', 12)).toHaveLength(9);
  });
});

describe('hexToRgba(hex)', () => {
  it('parses channels', () => expect(hexToRgba('#bd0026')).toEqual([189, 0, 38, 255]));
});
