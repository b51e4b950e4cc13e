/** A colour fade between two colourings (a story scene change), eased in and out. */

/** Slow in, slow out (t in 0..1). */
export function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

/** A running fade from the colours shown to new ones (RGBA per area, the same length). */
export class ColorFade {
  private readonly from: Uint8Array;

  /** Starts a fade of `ms` milliseconds at `start` (performance.now() time). */
  constructor(
    from: Uint8Array,
    private readonly to: Uint8Array,
    private readonly ms: number,
    private readonly start = performance.now(),
  ) {
    this.from = from.slice();
  }

  /** The colours at time `now`, and whether the fade has ended (then they are the new colours). */
  at(now: number): { colors: Uint8Array; done: boolean } {
    const t = Math.min(1, (now - this.start) / this.ms);
    if (t >= 1) return { colors: this.to, done: true };
    const e = easeInOut(t);
    const mixed = new Uint8Array(this.to.length);
    for (let i = 0; i < mixed.length; i++) mixed[i] = Math.round(this.from[i]! + (this.to[i]! - this.from[i]!) * e);
    return { colors: mixed, done: false };
  }
}
