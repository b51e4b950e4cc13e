/**
 * When an area's value needs a caveat: an age structure that makes a rate misleading (students
 * in a DeSO with low incomes while they study), or an estimate spread from DeSO that straddle
 * the area's border. Kinds and numbers only; the area panel words them.
 */
import type { EstimateBasis, IndicatorMeta } from '../data/types';

/**
 * From this share of residents aged 20–24 (per cent) an area counts as dominated by young adults,
 * in practice students: a fifth of residents, over three times Sweden's share. In Göteborg it picks
 * out Krokslätt Mossen (48 %), Olofshöjd (39 %), Johanneberg Chalmers and Björkekärr Rosendal (20–22 %).
 */
export const STUDENT_SHARE_THRESHOLD = 20;

/** Sweden's share aged 20–24 in 2022 (per cent): SCB's population by age (000005FF), all DeSO summed. */
export const SWEDEN_SHARE_20_24 = 5.6;

/** A caveat on one area's value. */
export type AreaCaveat = { kind: 'students'; share: number } | { kind: 'estimate'; basis: EstimateBasis };

/**
 * The caveats on an area's value: 'students' when the indicator can mislead where many residents are
 * students (income, economic standard, employment: `ageCaveat`) and the area's share aged 20–24 is at
 * least STUDENT_SHARE_THRESHOLD; 'estimate' whenever the value was estimated from DeSO (with its basis).
 */
export function areaCaveats(
  indicator: Pick<IndicatorMeta, 'ageCaveat'>,
  shareAged20to24: number | null | undefined,
  basis: EstimateBasis | null | undefined,
): AreaCaveat[] {
  const out: AreaCaveat[] = [];
  if (basis) out.push({ kind: 'estimate', basis });
  const share = shareAged20to24;
  if (indicator.ageCaveat === 'students' && typeof share === 'number' && Number.isFinite(share) && share >= STUDENT_SHARE_THRESHOLD) {
    out.push({ kind: 'students', share });
  }
  return out;
}

/**
 * The caveats worth a mark beside a value in a list of every area (the table, the hover tip):
 * students, and estimates that are less certain. An estimate's basis as such is told in the area
 * panel only: every area of an estimated level has one, so marking them all would mark nothing.
 */
export function markedCaveats(caveats: readonly AreaCaveat[]): AreaCaveat[] {
  return caveats.filter((c) => c.kind === 'students' || c.basis.uncertain);
}
