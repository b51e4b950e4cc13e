/** Where a tooltip goes relative to the pointer. Pure, so the flipping rules are unit-tested. */

/** Pointer position, tooltip size and container size, all in px. */
export interface TooltipPlacementInput {
  x: number;
  y: number;
  width: number;
  height: number;
  containerWidth: number;
  containerHeight: number;
  /** Gap between the pointer and the tooltip. */
  offset?: number;
  /** Minimum distance from the container's edges. */
  padding?: number;
}

/**
 * Top-left corner of a tooltip: below right of the pointer, flipped to the left and/or
 * above when it would leave the container, then clamped inside it (a tooltip larger than
 * its container sticks to the top-left edge).
 */
export function placeTooltip(input: TooltipPlacementInput): { left: number; top: number } {
  const offset = input.offset ?? 12;
  const padding = input.padding ?? 4;
  const { x, y, width, height, containerWidth, containerHeight } = input;
  let left = x + offset;
  if (left + width > containerWidth - padding) left = x - offset - width;
  let top = y + offset;
  if (top + height > containerHeight - padding) top = y - offset - height;
  left = Math.max(padding, Math.min(left, containerWidth - padding - width));
  top = Math.max(padding, Math.min(top, containerHeight - padding - height));
  return { left, top };
}
