import { describe, expect, it } from 'vitest';
import { placeTooltip, type TooltipPlacementInput } from '../../src/charts/tooltip-placement';

/** A 100 × 50 tooltip in a 400 × 300 container, offset 10, padding 4. */
function input(x: number, y: number, overrides: Partial<TooltipPlacementInput> = {}): TooltipPlacementInput {
  return { x, y, width: 100, height: 50, containerWidth: 400, containerHeight: 300, offset: 10, padding: 4, ...overrides };
}

describe('placeTooltip(input)', () => {
  const cases: { title: string; input: TooltipPlacementInput; expected: { left: number; top: number } }[] = [
    { title: 'below right of the pointer when it fits', input: input(50, 60), expected: { left: 60, top: 70 } },
    // 350 + 10 + 100 = 460 > 396 → flip left: 350 − 10 − 100 = 240.
    { title: 'flips left near the right edge', input: input(350, 60), expected: { left: 240, top: 70 } },
    // 280 + 10 + 50 = 340 > 296 → flip up: 280 − 10 − 50 = 220.
    { title: 'flips above near the bottom edge', input: input(50, 280), expected: { left: 60, top: 220 } },
    { title: 'flips both in the bottom-right corner', input: input(390, 290), expected: { left: 280, top: 230 } },
    // Flipped left would be −70: clamp to the padding.
    { title: 'clamps inside a narrow container', input: input(40, 10, { containerWidth: 120 }), expected: { left: 4, top: 20 } },
    {
      title: 'sticks to the top-left when larger than the container',
      input: input(10, 10, { containerWidth: 50, containerHeight: 20 }),
      expected: { left: 4, top: 4 },
    },
  ];
  for (const { title, input: given, expected } of cases) {
    it(title, () => expect(placeTooltip(given)).toEqual(expected));
  }

  it('uses a 12 px offset and 4 px padding by default', () => {
    expect(placeTooltip({ x: 0, y: 0, width: 10, height: 10, containerWidth: 100, containerHeight: 100 })).toEqual({ left: 12, top: 12 });
  });
});
