import { describe, expect, it } from 'vitest';
import { formatElapsed, previewText } from '../../src/story/presenter-channel';

describe('previewText(text)', () => {
  it.each([
    ['Skillnaden var {gap:range:2011}.', 'Skillnaden var ….'],
    ['{name:1480} med {value:1480:2022}', '… med …'],
    ['{summary}', '…'],
    ['Inga platshållare, { och } är text.', 'Inga platshållare, { och } är text.'],
    ['', ''],
  ])('%s', (input, expected) => {
    expect(previewText(input)).toBe(expected);
  });
});

describe('formatElapsed(ms)', () => {
  it.each([
    [0, '00:00'],
    [-500, '00:00'],
    [59_999, '00:59'],
    [61_000, '01:01'],
    [20 * 60_000, '20:00'],
    [3_600_000 + 62_000, '1:01:02'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatElapsed(ms)).toBe(expected);
  });
});
