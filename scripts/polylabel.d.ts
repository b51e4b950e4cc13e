declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon (rings of [x, y]); returns [x, y] with a `distance`. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}
