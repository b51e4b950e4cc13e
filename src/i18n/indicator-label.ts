/** The indicator chooser's words for an indicator. */
import { foldForSearch } from '../data/indicator-groups';
import type { IndicatorMeta, Lang } from '../data/types';
import { strings } from './index';

/** The chooser label of an indicator: its name, plus the sex for sex variants. */
export function indicatorLabel(indicator: IndicatorMeta, lang: Lang): string {
  const name = indicator.name[lang];
  if (indicator.sex === 'total') return name;
  const sex = strings(lang).chooser[indicator.sex];
  // Some source titles already end with the sex ("…, kvinnor"); do not say it twice.
  return foldForSearch(name).endsWith(foldForSearch(sex)) ? name : `${name} – ${sex}`;
}
