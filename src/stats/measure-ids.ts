/** Ids of the gap measures, in chooser order (names and explanations live in measures.ts). */
export const GAP_MEASURE_IDS = ['range', 'fifthGap', 'ratio', 'p90p10', 'cv', 'gini', 'theil'] as const;

/** Ids of the gap measures. */
export type GapMeasureId = (typeof GAP_MEASURE_IDS)[number];
