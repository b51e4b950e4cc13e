/** Shares written as fractions (0.153) where a percentage is meant: the ×100 the import preview offers. Pure. */

/**
 * How a measure said to be a percentage or share, whose values all lie within 0–1, could be shares
 * written as fractions: the offer of ×100 (see ImportChoices.times100).
 */
export interface FractionOffer {
  /** On by default: the file names a share ("andel", "share") and never says per cent. */
  likely: boolean;
  /** The largest value, for the example the preview gives (0.42 → 42 %). */
  largest: number;
  /** Decimals the values are written with as they are, and once multiplied by 100. */
  decimals: { asWritten: number; times100: number };
}

/** The value multiplied by 100, without floating-point residue (0.153 → 15.3, not 15.299999999999999). */
export const times100 = (value: number): number => Number((value * 100).toPrecision(12));
