import { describe, expect, it } from 'vitest';
import { changeLegendEntries, changeUnitLabel, formatSigned } from '../../src/i18n/legend';
import { stepDecimals } from '../../src/scales/change-legend-entries';
import { buildChangeScale, changeColor, fillChangeColors, niceCeil, NOT_CLEAR_COLOR } from '../../src/scales/diverging';
import { NO_DATA_COLOR } from '../../src/scales/palette';

const N = NaN;

describe('niceCeil(x)', () => {
  const cases: [number, number][] = [
    [1, 1],
    [1.85, 2],
    [2.2, 2.5],
    [2.775, 5],
    [7, 10],
    [0.3, 0.5],
    [0.25, 0.25],
    [0.012, 0.02],
    [0, 1],
    [N, 1],
  ];
  for (const [x, expected] of cases) it(`${x} → ${expected}`, () => expect(niceCeil(x)).toBeCloseTo(expected, 12));
});

describe('buildChangeScale(deltas, clear, direction, k)', () => {
  // Clear |Δ| = [1, 2, 3, 6]: P95 = 3 + 0.85·(6 − 3) = 5.55.
  const deltas = [-3, -1, 0.5, 2, 6, N];
  const clear = [1, 1, 0, 1, 1, 0];

  it('7 classes: step = nice(5.55 / 3 = 1.85) = 2, breaks ±2, ±4, ±6', () => {
    const scale = buildChangeScale(deltas, clear, 'higher-worse', 7);
    expect(scale.step).toBe(2);
    expect(scale.breaks).toEqual([-6, -4, -2, 2, 4, 6]);
    expect(scale.min).toBe(-3);
    expect(scale.max).toBe(6);
  });

  it('higher-worse: orange at the positive (worse) end, purple at the negative', () => {
    const scale = buildChangeScale(deltas, clear, 'higher-worse', 7);
    expect(scale.colors).toEqual(['#542788', '#998ec3', '#d8daeb', '#f7f7f7', '#fee0b6', '#f1a340', '#b35806']);
    expect(scale.worseEnd).toBe('positive');
  });

  it('higher-better with 5 classes: step = nice(5.55 / 2) = 5, orange at the negative end', () => {
    const scale = buildChangeScale(deltas, clear, 'higher-better', 5);
    expect(scale.breaks).toEqual([-10, -5, 5, 10]);
    expect(scale.colors).toEqual(['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99']);
    expect(scale.worseEnd).toBe('negative');
  });

  it('neutral: orange = decrease, no worse end', () => {
    const scale = buildChangeScale(deltas, clear, 'neutral', 5);
    expect(scale.colors[0]).toBe('#e66101');
    expect(scale.worseEnd).toBeNull();
  });

  it('without clear changes the scale is built from all finite changes', () => {
    // |Δ| = [0.1, 0.2, 0.3]: P95 = 0.2 + 0.9·0.1 = 0.29 → step nice(0.0967) = 0.1.
    const scale = buildChangeScale([0.1, -0.2, 0.3], [0, 0, 0], 'higher-worse', 7);
    expect(scale.step).toBeCloseTo(0.1, 12);
  });

  it('no values: step 1 and an infinite (empty) range', () => {
    const scale = buildChangeScale([], [], 'higher-worse');
    expect(scale.breaks).toEqual([-3, -2, -1, 1, 2, 3]);
    expect(scale.min).toBe(Infinity);
  });
});

describe('fillChangeColors(scale, delta, clear)', () => {
  it('NaN → no-data, not clear → the not-clear grey, clear → its class (a break belongs to the upper class)', () => {
    const scale = buildChangeScale([-3, -1, 2, 6], [1, 1, 1, 1], 'higher-worse', 7);
    const rgba = fillChangeColors(scale, [N, 0.5, 6, -1], [0, 0, 1, 1]);
    expect(Array.from(rgba.subarray(0, 4))).toEqual(NO_DATA_COLOR);
    expect(Array.from(rgba.subarray(4, 8))).toEqual(NOT_CLEAR_COLOR);
    expect(Array.from(rgba.subarray(8, 12))).toEqual([0xb3, 0x58, 0x06, 255]);
    expect(Array.from(rgba.subarray(12, 16))).toEqual([0xf7, 0xf7, 0xf7, 255]);
  });
  it('the not-clear grey differs from the no-data grey', () => {
    expect(NOT_CLEAR_COLOR).not.toEqual(NO_DATA_COLOR);
  });
  it('reuses a target of the right size', () => {
    const scale = buildChangeScale([1], [1], 'higher-worse');
    const target = new Uint8Array(4);
    expect(fillChangeColors(scale, [1], [1], target)).toBe(target);
  });
  it('changeColor of a clear NaN is still no-data', () => {
    expect(changeColor(buildChangeScale([1], [1], 'higher-worse'), N, 1)).toEqual(NO_DATA_COLOR);
  });
});

describe('changeLegendEntries(scale, decimals, lang)', () => {
  const scale = buildChangeScale([-3, -1, 0.5, 2, 6], [1, 1, 0, 1, 1], 'higher-worse', 7);
  it('signed ranges, ascending, better at the negative end for higher-worse (sv)', () => {
    const entries = changeLegendEntries(scale, 0, 'sv');
    expect(entries.map((e) => e.label)).toEqual(['under −6', '−6 till −4', '−4 till −2', '−2 till +2', '+2 till +4', '+4 till +6', '+6 eller mer']);
    expect(entries.map((e) => e.end)).toEqual(['better', null, null, null, null, null, 'worse']);
  });
  it('neutral ends read decrease/increase (en)', () => {
    const neutral = buildChangeScale([-3, -1, 2, 6], [1, 1, 1, 1], 'neutral', 5);
    const entries = changeLegendEntries(neutral, 0, 'en');
    expect(entries[0]).toEqual({ color: '#e66101', label: 'below -10', end: 'decrease' });
    expect(entries[4]!.end).toBe('increase');
  });
  it('no values → no rows', () => expect(changeLegendEntries(buildChangeScale([], [], 'higher-worse'), 0, 'sv')).toEqual([]));
});

describe('stepDecimals(step, decimals) / formatSigned / changeUnitLabel', () => {
  it('0.25 needs 2 decimals, 2 needs none beyond the indicator’s 1', () => {
    expect(stepDecimals(0.25, 1)).toBe(2);
    expect(stepDecimals(2, 1)).toBe(1);
    expect(stepDecimals(0.1, 0)).toBe(1);
  });
  it('signs', () => {
    expect(formatSigned(1.5, 'sv', 1)).toBe('+1,5');
    expect(formatSigned(-1.5, 'sv', 1)).toBe('−1,5');
    expect(formatSigned(0, 'en', 0)).toBe('0');
  });
  it('percent changes are percentage points', () => {
    expect(changeUnitLabel('percent', 'sv')).toBe('procentenheter');
    expect(changeUnitLabel('sek', 'en')).toBe('SEK');
  });
});
