/**
 * The gap panel's verdict block: the verdict for A–B (or why there is none), the observed and
 * estimated change with its interval, what the measures are weighted with, which areas are left
 * out, and the rule with the figures behind it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { IndicatorMeta, IndicatorWeight, LevelMeta } from '../data/types';
import { formatGapChange, formatGapValue } from '../format/gap-value';
import { formatNumber, formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { TREND_RULE } from '../i18n/trend-sentences';
import { gapMeasure, type GapMeasureId } from '../stats/measures';
import { RELEVANCE_SHARE, SENSITIVITY_RHO, type TrendVerdict } from '../stats/trend';

/** What the verdict block shows. */
export interface GapVerdictView {
  verdict: TrendVerdict;
  indicator: IndicatorMeta;
  measure: GapMeasureId;
  lang: Lang;
  /** The period as chosen (A–B). */
  from: number;
  to: number;
  /** All years of the series: one year means no change can be shown. */
  years: readonly number[];
  /** The gap measure in a year (null when it has none). */
  valueAt: (year: number) => number | null;
  weight: IndicatorWeight | null;
  excluded: LevelMeta['gapExcluded'] | null;
}

/** The whole block: verdict, change, interval, weight, exclusions and the rule. */
export function renderVerdict(view: GapVerdictView): TemplateResult {
  const t = strings(view.lang).gap;
  const { verdict, years } = view;
  if (years.length === 1) {
    const year = years[0]!;
    const value = view.valueAt(year);
    return html`
      ${
        value !== null
          ? html`<p class="change">
            ${gapMeasure(view.measure).name[view.lang]} ${year}:
            ${formatGapValue(value, view.measure, view.indicator.unit, view.lang, view.indicator.decimals)}
          </p>`
          : nothing
      }
      <p class="verdict">${fill(t.oneYear, { year })}</p>
      <p class="note">${t.oneYearHelp}</p>
      ${renderWeight(view)}
    `;
  }
  return html`
    <p class="verdict">${view.from}–${view.to}: ${t.verdict[verdict.verdict]}</p>
    ${renderChange(view)} ${renderInterval(view)}
    ${
      verdict.periodYears > 1 && verdict.points > 0
        ? html`<p class="note">${fill(t.periodYears, { n: verdict.periodYears, years: verdict.years.join(', ') })}</p>`
        : nothing
    }
    ${renderWeight(view)}
    <details>
      <summary>${t.howJudged}</summary>
      <p>${TREND_RULE[view.lang]}</p>
      ${renderNumbers(view)}
    </details>
  `;
}

/** "Från 4,1 (2000) till 3,2 (2022) (−0,9 år)": the observed values at the ends of the years judged. */
function renderChange(view: GapVerdictView): TemplateResult | typeof nothing {
  const { verdict, indicator, lang, measure } = view;
  const a = view.valueAt(verdict.firstYear);
  const b = view.valueAt(verdict.lastYear);
  if (a === null || b === null || verdict.firstYear === verdict.lastYear) return nothing;
  const t = strings(lang).gap;
  const format = (v: number) => formatGapValue(v, measure, indicator.unit, lang, indicator.decimals);
  return html`<p class="change">
    ${fill(t.change, { a: format(a), b: format(b), fromYear: verdict.firstYear, toYear: verdict.lastYear })}
    (${formatGapChange(b - a, measure, indicator.unit, lang, indicator.decimals)})
  </p>`;
}

/** The estimated change with its confidence interval, or why so few years cannot tell. */
function renderInterval(view: GapVerdictView): TemplateResult | typeof nothing {
  const { verdict, lang } = view;
  const t = strings(lang).gap;
  if (verdict.verdict === 'insufficient-data') {
    return verdict.points >= 2 ? html`<p class="interval-text">${fill(t.tooFewYears, { n: verdict.points })}</p>` : nothing;
  }
  if (!Number.isFinite(verdict.changeLow) || !Number.isFinite(verdict.changeHigh)) return nothing;
  const change = (v: number) => formatGapChange(v, view.measure, view.indicator.unit, lang, view.indicator.decimals);
  return html`
    <p class="interval-text">
      ${fill(t.interval, {
        from: verdict.firstYear,
        to: verdict.lastYear,
        change: change(verdict.change),
        low: change(verdict.changeLow),
        high: change(verdict.changeHigh),
      })}
    </p>
    <p class="note">${t.chartTrend}</p>
  `;
}

/** "Vägt med: barn och unga 0–19 år, 2022 (SCB)", its note, and the areas left out. */
function renderWeight({ weight, excluded, lang }: GapVerdictView): TemplateResult {
  const t = strings(lang).gap;
  return html`
    ${
      weight
        ? html`<p class="weight">${fill(t.weight, { weight: weight.label[lang] })}</p>
          ${weight.note ? html`<p class="note">${weight.note[lang]}</p>` : nothing}`
        : nothing
    }
    ${excluded && excluded.codes.length > 0 ? html`<p class="note"><strong>${t.excluded}:</strong> ${excluded.note[lang]}</p>` : nothing}
  `;
}

/** The figures behind the verdict: years, S, p, the estimated change and its interval, correlation, floor. */
function renderNumbers({ verdict, indicator, measure, lang }: GapVerdictView): TemplateResult | typeof nothing {
  if (verdict.method === 'none') return nothing;
  const t = strings(lang).gap;
  const change = (v: number) => formatGapChange(v, measure, indicator.unit, lang, indicator.decimals + 1);
  const size = (v: number) => formatGapValue(v, measure, indicator.unit, lang, indicator.decimals + 1);
  const bounded = Number.isFinite(verdict.changeLow) && Number.isFinite(verdict.changeHigh);
  const confidence = formatValue(Math.floor(verdict.confidence * 100), 'percent', lang, 0);

  return html`<dl>
    <dt>${t.points}</dt>
    <dd>${formatNumber(verdict.points, lang)} (${verdict.years.join(', ')})</dd>
    <dt>${t.kendall}</dt>
    <dd>${formatNumber(verdict.s, lang)}</dd>
    <dt>${fill(t.pValue, { method: t.method[verdict.method] })}</dt>
    <dd>${formatP(verdict.pValue, lang)}</dd>
    <dt>${fill(t.fitted, { from: verdict.firstYear, to: verdict.lastYear })}</dt>
    <dd>${change(verdict.change)}</dd>
    <dt>${fill(t.intervalRow, { confidence: bounded ? confidence : '–' })}</dt>
    <dd>${bounded ? `${change(verdict.changeLow)} – ${change(verdict.changeHigh)}` : t.unbounded}</dd>
    <dt>${fill(t.pCorrelated, { rho: formatNumber(SENSITIVITY_RHO, lang, 1) })}</dt>
    <dd>${formatP(verdict.pValueIfCorrelated, lang)}</dd>
    <dt>${fill(t.floor, { share: formatValue(RELEVANCE_SHARE * 100, 'percent', lang, 0) })}</dt>
    <dd>${size(verdict.floor)}</dd>
  </dl>`;
}

/** A p-value with three decimals, "< 0,001" below that. */
function formatP(p: number, lang: Lang): string {
  return p < 0.001 ? `< ${formatNumber(0.001, lang, 3)}` : formatNumber(p, lang, 3);
}
