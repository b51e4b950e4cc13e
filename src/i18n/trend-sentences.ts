/**
 * The words of the gap and change statistics: the trend and change rules, the one-sentence
 * summary of a gap's development and the catching-up sentence. The statistics in src/stats
 * return kinds and numbers; this module turns them into Swedish and English.
 */
import type { Localized } from '../data/types';
import { gapAxisUnit, gapDecimals } from '../format/gap-value';
import { formatNumber, type Lang } from '../format/number';
import type { ConvergenceResult } from '../stats/change';
import type { GapSummaryInput } from '../state/gap-words';
import { fill, strings } from './index';

/** The rule behind the trend verdict, for the UI next to the verdict. */
export const TREND_RULE: Localized = {
  sv: 'Skillnaden räknas som ökande eller minskande när Mann–Kendalls trendtest ger p under 0,05 – högst 5 procents risk att ren slumpvariation ser ut som en så tydlig trend – och den skattade förändringen (Sens lutning gånger periodens längd) är minst 5 procent av skillnadens genomsnittliga nivå. Annars: ingen tydlig förändring. Testet bygger på ordningen mellan mätåren, så glesa mätår (val vart fjärde år) räknas rätt, och p är exakt, räknat över alla ordningar av värdena (vid lika värden i serier över 8 år: normalapproximation). Med 3 eller 4 år kan ingen ordning av värdena nå p under 0,05: då går det inte att avgöra. Intervallet i diagrammet är ett konfidensintervall för förändringen A–B (minst 95 procent). Testet antar att avvikelserna från trenden är oberoende mellan åren. Värden som är medelvärden över flera år (medellivslängd över fem år) hänger ihop och bedöms därför bara på år vars perioder inte överlappar; för andra serier visas också vilket p-värdet vore om avvikelserna samvarierade måttligt (ρ = 0,3).',
  en: 'The gap counts as widening or narrowing when the Mann–Kendall trend test gives p below 0.05 – at most a 5 per cent risk that pure chance looks like so clear a trend – and the estimated change (Sen’s slope times the length of the period) is at least 5 per cent of the gap’s mean level. Otherwise: no clear change. The test uses the order of the measured years, so sparse years (elections every four years) count right, and p is exact, computed over every ordering of the values (with tied values in series over 8 years: the normal approximation). With 3 or 4 years no ordering of the values can reach p below 0.05: then it is too few years to tell. The interval in the chart is a confidence interval of the change A–B (at least 95 per cent). The test assumes that the deviations from the trend are independent between years. Values that are means over several years (life expectancy over five years) hang together and are therefore judged only on years whose periods do not overlap; for other series the p-value is also shown as it would be if the deviations were moderately correlated (ρ = 0.3).',
};

/** The rule behind "no clear change" on the change map, for its legend. */
export const CHANGE_RULE: Localized = {
  sv: 'En förändring räknas som tydlig när den är större än den normala slumpvariationen för skillnaden mellan två mätningar i området gånger en faktor som gör att ren slumpvariation kallas tydlig i högst 5 procent av områdena. Variationen skattas från områdets egna förändringar mellan på varandra följande mätningar under alla år (deras standardavvikelse); faktorn är större ju färre mätningar området har (10,5 med tre, 3,65 med fyra, omkring 2 med många). Områden med färre än tre mätningar får medianvariationen för nivåns områden; finns bara två mätningar i hela serien räknas ingen förändring som tydlig. Förändringen måste också vara större än den minsta skillnad som syns med visade decimaler. Saknas eller är värdet skyddat något av åren räknas förändringen inte som tydlig.',
  en: 'A change counts as clear when it is larger than the normal random variation of a difference between two measurements in the area times a factor that lets pure chance count as clear in at most 5 per cent of areas. The variation is estimated from the area’s own changes between consecutive measurements over all years (their standard deviation); the factor is larger the fewer measurements the area has (10.5 with three, 3.65 with four, about 2 with many). Areas with fewer than three measurements get the median variation of the level’s areas; when the whole series has only two measurements no change counts as clear. The change must also be larger than the smallest difference visible at the displayed decimals. When the value is missing or suppressed in either year, the change does not count as clear.',
};

export type { GapSummaryInput, LevelNoun } from '../state/gap-words';

const nb = '\u00a0';

const POPULATION: Localized = { sv: 'befolkningen', en: 'the population' };

/**
 * A sentence like "Mellan 2011 och 2022 minskade skillnaden i … mellan de
 * kommuner där den är högst och lägst, från 40 till 35 procentenheter."
 * The verb comes from the trend verdict, not the sign of gapTo − gapFrom, so
 * the text never calls noise a change.
 */
export function gapSummary(input: GapSummaryInput): string {
  const { lang, from, to, gapFrom, gapTo, verdict } = input;
  const phrase = between(input);
  const subject = `${lang === 'sv' ? 'skillnaden i' : 'the gap in'} ${lowerFirst(input.indicator.name[lang])} ${phrase}`;
  // A trailing ", mätt med …" aside needs its closing comma before the next word.
  const subjectAside = phrase.includes(',') ? `${subject},` : subject;
  const points = input.points ?? 0;
  if (from === to) {
    return lang === 'sv'
      ? `Uppgifterna finns bara för ${from}, så det går inte att säga hur ${subjectAside} har utvecklats över tid.`
      : `There are values for ${from} only, so it cannot be said how ${subjectAside} has developed over time.`;
  }
  if (verdict === 'insufficient-data' && points >= 2 && gapFrom !== null && gapTo !== null) {
    const values = fromTo(input, gapFrom, gapTo);
    return lang === 'sv'
      ? `Med ${points} mätår mellan ${from} och ${to} går det inte att avgöra om ${subjectAside} ökade eller minskade (${values}).`
      : `With ${points} measured years between ${from} and ${to} it is too few to tell whether ${subjectAside} widened or narrowed (${values}).`;
  }
  if (verdict === 'insufficient-data' || gapFrom === null || gapTo === null) {
    return lang === 'sv'
      ? `Det finns för få år med uppgifter för att säga hur ${subjectAside} utvecklades mellan ${from} och ${to}.`
      : `There are too few years with data to say how ${subjectAside} developed between ${from} and ${to}.`;
  }
  const values = fromTo(input, gapFrom, gapTo);
  if (verdict === 'no-clear-change') {
    return lang === 'sv'
      ? `Mellan ${from} och ${to} förändrades ${subjectAside} inte tydligt (${values}).`
      : `Between ${from} and ${to} ${subjectAside} did not change clearly (${values}).`;
  }
  const verb = verdict === 'widening' ? { sv: 'ökade', en: 'widened' } : { sv: 'minskade', en: 'narrowed' };
  return lang === 'sv' ? `Mellan ${from} och ${to} ${verb.sv} ${subject}, ${values}.` : `Between ${from} and ${to} ${subjectAside} ${verb.en}, ${values}.`;
}

/** The phrase naming who is compared and how. */
function between({ measure, levelNoun, weighted, weightGroup, indicator, lang }: GapSummaryInput): string {
  const sv = lang === 'sv';
  const group = (weightGroup ?? POPULATION)[lang];
  const fifths = (): string => {
    if (!weighted) {
      return sv
        ? `mellan den femtedel av ${levelNoun.svDefinite} där den är högst och den femtedel där den är lägst`
        : `between the fifth of ${levelNoun.en} where it is highest and the fifth where it is lowest`;
    }
    if (indicator.direction === 'neutral') {
      return sv
        ? `mellan den femtedel av ${group} som bor där den är högst och den femtedel som bor där den är lägst`
        : `between the fifth of ${group} living where it is highest and the fifth living where it is lowest`;
    }
    return sv
      ? `mellan den femtedel av ${group} som bor i de mest och minst utsatta ${levelNoun.svDefinite}`
      : `between the fifth of ${group} living in the most and least disadvantaged ${levelNoun.en}`;
  };
  const across = sv ? `mellan ${levelNoun.svDefinite}` : `between ${levelNoun.en}`;
  switch (measure) {
    case 'range':
      return sv ? `mellan de ${levelNoun.sv} där den är högst och lägst` : `between the ${levelNoun.en} where it is highest and lowest`;
    case 'fifthGap':
      return fifths();
    case 'ratio':
      return `${fifths()}, ${sv ? 'mätt som kvot' : 'measured as a ratio'}`;
    case 'p90p10':
      return sv ? `${across}, mätt som kvoten mellan 90:e och 10:e percentilen` : `${across}, measured as the ratio of the 90th to the 10th percentile`;
    case 'cv':
      return sv ? `${across}, mätt med variationskoefficienten` : `${across}, measured by the coefficient of variation`;
    case 'gini':
      return sv ? `${across}, mätt med Gini-koefficienten` : `${across}, measured by the Gini coefficient`;
    case 'theil':
      return sv ? `${across}, mätt med Theil-index` : `${across}, measured by the Theil index`;
  }
}

/** "från 40 till 35 procentenheter" / "from 2.10 to 1.80 times" / "från 0,120 till 0,150". */
function fromTo({ measure, indicator, lang }: GapSummaryInput, a: number, b: number): string {
  const decimals = gapDecimals(measure, indicator.decimals);
  const unit = gapAxisUnit(measure, indicator.unit, lang);
  const [x, y] = [formatNumber(a, lang, decimals), formatNumber(b, lang, decimals)];
  const range = lang === 'sv' ? `från ${x} till ${y}` : `from ${x} to ${y}`;
  return unit ? `${range}${nb}${unit}` : range;
}

/** Lower-cases the first letter of a name for mid-sentence use, leaving acronyms ("DeSO", "SCB") alone. */
function lowerFirst(name: string): string {
  const firstWord = name.split(/[\s-]/)[0] ?? '';
  return /\p{Lu}/u.test(firstWord.slice(1)) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The convergence verdict in one sentence, e.g. "Kommuner som låg sämre till 2011
 * utvecklades bättre än övriga fram till 2022: skillnaderna minskade (lutning −0,32)."
 * `levelNounPlural` is the level's plural noun ("kommuner", "DeSO").
 */
export function convergenceSentence(result: ConvergenceResult, indicatorShort: string, from: number, to: number, levelNounPlural: string, lang: Lang): string {
  const t = strings(lang).scatter;
  const values = {
    nouns: levelNounPlural.charAt(0).toLocaleUpperCase(lang) + levelNounPlural.slice(1),
    indicator: indicatorShort,
    from,
    to,
    slope: formatNumber(result.slope, lang, 2),
  };
  if (result.kind === 'insufficient-data') return fill(t.insufficient, values);
  if (result.kind === 'no-clear-relation') return fill(t.noRelation, values);
  const neutral = result.direction === 'neutral';
  if (result.kind === 'converging') return fill(neutral ? t.convergingNeutral : t.converging, values);
  return fill(neutral ? t.divergingNeutral : t.diverging, values);
}
