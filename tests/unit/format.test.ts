import { describe, expect, it } from 'vitest';
import { nameWithoutCode } from '../../src/format/area-name';
import { formatChange, formatNumber, formatValue } from '../../src/format/number';

// Intl uses a no-break space (U+00A0) for Swedish thousands and U+2212 for minus.
const nb = '\u00a0';

describe('formatNumber(value, lang, decimals)', () => {
  it.each([
    [1234567.891, 'sv', 2, `1${nb}234${nb}567,89`],
    [1234567.891, 'en', 2, '1,234,567.89'],
    [0.5, 'sv', 1, '0,5'],
    [-3.25, 'sv', 1, '\u22123,3'],
    [-3.25, 'en', 1, '-3.3'],
    [12, 'sv', 0, '12'],
  ] as const)('%d in %s with %d decimals → %s', (value, lang, decimals, expected) => {
    expect(formatNumber(value, lang, decimals)).toBe(expected);
  });

  it('renders non-finite values as a dash', () => {
    expect(formatNumber(NaN, 'sv')).toBe('–');
    expect(formatNumber(Infinity, 'en')).toBe('–');
  });
});

describe('formatValue(value, unit, lang, decimals)', () => {
  it.each([
    [12.5, 'percent', 'sv', 1, `12,5${nb}%`],
    [12.5, 'percent', 'en', 1, '12.5%'],
    [284300, 'sek', 'sv', 0, `284${nb}300${nb}kr`],
    [284300, 'sek', 'en', 0, `284,300${nb}SEK`],
    [81.2, 'years', 'sv', 1, `81,2${nb}år`],
    [null, 'percent', 'sv', 1, 'uppgift saknas'],
    [NaN, 'percent', 'en', 1, 'no data'],
  ] as const)('%s %s in %s → %s', (value, unit, lang, decimals, expected) => {
    expect(formatValue(value, unit, lang, decimals)).toBe(expected);
  });
});

describe('formatChange(delta, unit, lang, decimals)', () => {
  it('writes changes in shares as percentage points with a sign', () => {
    expect(formatChange(1.25, 'percent', 'sv', 1)).toBe(`+1,3${nb}procentenheter`);
    expect(formatChange(-2, 'percent', 'en', 0)).toBe(`-2${nb}percentage points`);
    expect(formatChange(1500, 'sek', 'sv', 0)).toBe(`+1${nb}500${nb}kr`);
  });
});

describe('nameWithoutCode(name, code)', () => {
  it.each([
    ['Fiskebäck södra (1480C1390)', '1480C1390', 'Fiskebäck södra'],
    ['Olofshöjd (1480C1740)', '1480C1740', 'Olofshöjd'],
    // Another area's code in the name, or a code that is not at the end, stays.
    ['Fiskebäck södra (1480C1400)', '1480C1390', 'Fiskebäck södra (1480C1400)'],
    ['1480C1390 Fiskebäck', '1480C1390', '1480C1390 Fiskebäck'],
    // A name that is only the code (Borås's DeSO), or only the code in brackets, stays.
    ['1490C1010', '1490C1010', '1490C1010'],
    [' (1490C1010)', '1490C1010', ' (1490C1010)'],
    ['Majorna', '103', 'Majorna'],
    ['', '103', ''],
  ])('nameWithoutCode(%j, %j) → %j', (name, code, expected) => {
    expect(nameWithoutCode(name, code)).toBe(expected);
  });
});
