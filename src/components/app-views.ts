/**
 * The shell's panels as template functions: each takes a slice of the view model and the view,
 * and reports what the reader does through `intent` (a view patch) — never touching the store.
 * They render inside <klyft-app>'s shadow root, under its styles (klyft-app.styles.ts).
 */
import { markLines, type AreaContext, type LevelMarks } from './area-context';
import { html, nothing } from 'lit';
import type { LevelGeometry } from '../data/load';
import type { IndicatorMeta, LevelMeta } from '../data/types';
import { formatChange, formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { levelLabel } from '../state/app-data';
import { areaFacts, tableRows, type AreaFacts } from '../state/area-facts';
import { featureSeries, medianSeries } from '../state/selectors';
import type { ViewData } from '../state/view-data';
import type { ViewModel } from '../state/view-model';
import type { ViewState } from '../state/view-state';

/** Sends a view patch as an intent. */
export type Intent = (patch: Partial<ViewState>) => void;

/** An area's value, rank and change, worded for the tooltip. */
function areaTexts(facts: AreaFacts, indicator: IndicatorMeta | undefined, lang: Lang) {
  const t = strings(lang);
  if (!indicator || !facts.known) return { valueText: t.detail.noValue, changeText: '', reasonText: '' };
  const { value, change, reason } = facts;
  return {
    valueText: formatValue(Number.isNaN(value) ? null : value, indicator.unit, lang, indicator.decimals),
    changeText: change ? `${formatChange(change.delta, indicator.unit, lang, indicator.decimals)} (${fill(t.detail.change, { year: change.from })})` : '',
    reasonText: reason ? t.detail.reason[reason] : '',
  };
}

/** The bar above the map: indicator, year(s) and level; the mode and map/table switches. */
export function renderMainBar(view: ViewState, level: LevelMeta | undefined, data: ViewData | null, vm: ViewModel, intent: Intent) {
  const lang = view.lang;
  const t = strings(lang);
  const indicator = data?.indicator;
  const twoYears = vm.gap !== null && (data?.series?.years.length ?? 0) >= 2;
  return html`<div class="mainbar">
    <h2>
      ${indicator?.name[lang] ?? ''} ${data?.series ? html`· ${vm.titleYears}` : nothing}
      <span class="meta">${level ? levelLabel(level, lang) : ''}${indicator ? html` · ${t.units.direction[indicator.direction]}` : nothing}</span>
    </h2>
    <div class="segmented" role="group" aria-label=${t.app.modeChooser}>
      ${(['level', 'change', 'scatter'] as const).map(
        (mode) =>
          html`<button class="btn" aria-pressed=${view.mode === mode} ?disabled=${mode !== 'level' && !twoYears} @click=${() => intent({ mode })}>
            ${t.app.modes[mode]}
          </button>`,
      )}
    </div>
    <div class="segmented" role="group" aria-label=${t.app.viewChooser}>
      <button class="btn" aria-pressed=${view.view === 'map'} @click=${() => intent({ view: 'map' })}>${t.app.viewMap}</button>
      <button class="btn" aria-pressed=${view.view === 'table'} @click=${() => intent({ view: 'table' })}>${t.app.viewTable}</button>
    </div>
  </div>`;
}

/** "Gå till: Göteborg / Borås" on the kommun level. */
export function renderJump(view: ViewState, intent: Intent) {
  if (view.level !== 'kommun') return nothing;
  const t = strings(view.lang).app;
  return html`<div class="jump" role="group" aria-label=${t.jumpTo}>
    <span>${t.jumpTo}:</span>
    <button class="btn" aria-pressed=${view.area === '1480'} @click=${() => intent({ area: '1480' })}>Göteborg</button>
    <button class="btn" aria-pressed=${view.area === '1490'} @click=${() => intent({ area: '1490' })}>Borås</button>
  </div>`;
}

/** The list of all areas of the level, by name, to select one. */
export function renderAreaSelect(geometry: LevelGeometry | undefined, view: ViewState, intent: Intent) {
  if (!geometry) return nothing;
  const lang = view.lang;
  const collator = new Intl.Collator(lang === 'sv' ? 'sv' : 'en');
  const options = geometry.areas.features.map((f) => f.properties).sort((a, b) => collator.compare(a.name, b.name));
  const noun = geometry.meta.areaNoun[lang];
  const label = lang === 'sv' ? `Välj ${noun}` : `Choose a ${noun}`;
  return html`<div class="area-select">
    <label for="area">${label}</label>
    <select id="area" @change=${(e: Event) => intent({ area: (e.target as HTMLSelectElement).value || null })}>
      <option value="" ?selected=${!view.area}>–</option>
      ${options.map((p) => html`<option value=${p.code} ?selected=${p.code === view.area}>${p.name}</option>`)}
    </select>
  </div>`;
}

/** What <klyft-map-view> draws of a level: its areas, outlines, extent and borders. */
export function mapLevel(geometry: LevelGeometry) {
  return { id: geometry.meta.id, areas: geometry.areas, outlines: geometry.outlines, bbox: geometry.meta.bbox, borders: geometry.areaBorders ?? null };
}

/** The level map's legend with its colour settings (none in an embed that hides them). */
export function renderLegend(view: ViewState, data: ViewData | null, vm: Pick<ViewModel, 'levelScale'>, onIntent: (event: Event) => void, noSettings = false) {
  return html`<klyft-legend
    .scale=${vm.levelScale}
    .indicator=${data?.indicator ?? null}
    .lang=${view.lang}
    .classification=${view.classification}
    .classes=${view.classes}
    .domain=${view.domain}
    .derived=${data?.indicator?.levels[view.level]?.derived}
    .hasMissing=${true}
    .noSettings=${noSettings}
    @klyft-intent=${onIntent}
  ></klyft-legend>`;
}

/** The change map's legend, relative to the nation (kommuner) or the city. */
export function renderChangeLegend(
  view: ViewState,
  level: LevelMeta | undefined,
  data: ViewData | null,
  vm: Pick<ViewModel, 'change' | 'changeScale'>,
  onIntent: (event: Event) => void,
) {
  const lang = view.lang;
  const referenceLabel = view.level === 'kommun' ? (lang === 'sv' ? 'riket' : 'Sweden') : (level?.group[lang] ?? '');
  return html`<klyft-change-legend
    .scale=${vm.changeScale}
    .indicator=${data?.indicator ?? null}
    .from=${vm.change?.from ?? 0}
    .to=${vm.change?.to ?? 0}
    .relative=${view.relative}
    .referenceLabel=${referenceLabel}
    .lang=${lang}
    @klyft-intent=${onIntent}
  ></klyft-change-legend>`;
}

/** The hover tip over the map: value, rank and change since the first year, and the caveats on the value. */
export function renderTooltip(
  data: ViewData,
  view: ViewState,
  hover: { index: number; x: number; y: number },
  stage: { width: number; height: number },
  marks: LevelMarks | null = null,
) {
  const feature = data.geometry.areas.features[hover.index];
  if (!feature) return nothing;
  const facts = areaFacts(data, view.year, hover.index);
  const texts = areaTexts(facts, data.indicator, view.lang);
  return html`<klyft-tooltip
    .x=${hover.x}
    .y=${hover.y}
    .containerWidth=${stage.width}
    .containerHeight=${stage.height}
    .name=${feature.properties.name}
    .value=${texts.valueText}
    .rank=${facts.rank}
    .count=${facts.count}
    .change=${texts.changeText}
    .reason=${texts.reasonText}
    .notes=${markLines(marks?.byCode.get(feature.properties.code), view.lang)}
    .lang=${view.lang}
  ></klyft-tooltip>`;
}

/** The selected area's panel: its value, rank, change and series against the median. */
export function renderDetail(data: ViewData | null, view: ViewState, context: AreaContext, intent: Intent, onIntent: (event: Event) => void) {
  const code = view.area;
  if (!data || !code || !data.indicator) return nothing;
  const index = data.geometry.indexByCode.get(code);
  if (index === undefined) return nothing;
  const feature = data.geometry.areas.features[index]!;
  const facts = areaFacts(data, view.year, index);
  return html`<klyft-area-detail
    .name=${feature.properties.name}
    .code=${code}
    .levelNoun=${data.geometry.meta.areaNoun[view.lang]}
    .indicator=${data.indicator}
    .year=${view.year}
    .years=${data.series?.years ?? []}
    .series=${data.series ? featureSeries(data.series, index) : []}
    .median=${data.series ? medianSeries(data.series) : []}
    .reference=${data.series?.reference ? Array.from(data.series.reference) : null}
    .rank=${facts.rank}
    .count=${facts.count}
    .change=${facts.change}
    .reason=${facts.reason}
    .lang=${view.lang}
    .context=${context}
    @klyft-area-close=${() => intent({ area: null })}
    @klyft-intent=${onIntent}
  ></klyft-area-detail>`;
}

/** The gap panel: the chosen measure over the years, the period A–B, its verdict and summary. */
export function renderGapPanel(data: ViewData | null, view: ViewState, vm: ViewModel, onIntent: (event: Event) => void) {
  const gap = vm.gap;
  if (!gap || !data?.series || !data.stats) return nothing;
  return html`<klyft-gap-panel
    .indicator=${data.indicator ?? null}
    .lang=${view.lang}
    .years=${data.linked?.years ?? data.series.years}
    .stats=${data.linked?.stats ?? data.stats}
    .measure=${view.measure}
    .year=${view.year}
    .from=${gap.from}
    .to=${gap.to}
    .verdict=${gap.verdict}
    .summary=${gap.summary}
    .breakYear=${data.linked?.breakYear ?? null}
    .areaCount=${data.geometry.codes.length}
    .weight=${data.weight}
    .excluded=${data.gapExcluded}
    @klyft-intent=${onIntent}
  ></klyft-gap-panel>`;
}

/** What the change views (drivers, scatter) draw from, and where their events go. */
export interface ChangeViewArgs {
  data: ViewData | null;
  view: ViewState;
  vm: ViewModel;
  /** The area highlighted in a list, the scatter or on the map. */
  highlighted: string | null;
  onHighlight: (event: Event) => void;
  onIntent: (event: Event) => void;
}

/** Who drives the gap: the areas whose contribution changed most A → B. */
export function renderDrivers({ data, view, vm, highlighted, onHighlight, onIntent }: ChangeViewArgs) {
  const change = vm.change;
  if (!data || !change) return nothing;
  const rows = change.drivers.map((d) => ({
    code: data.geometry.codes[d.index] ?? '',
    name: data.geometry.areas.features[d.index]?.properties.name ?? '',
    change: d.change,
    contributionA: d.contributionA,
    contributionB: d.contributionB,
  }));
  return html`<klyft-gap-drivers
    .drivers=${rows}
    .reason=${change.driversReason}
    .indicator=${data.indicator ?? null}
    .from=${change.from}
    .to=${change.to}
    .highlighted=${highlighted}
    .lang=${view.lang}
    @klyft-area-highlight=${onHighlight}
    @klyft-intent=${onIntent}
  ></klyft-gap-drivers>`;
}

/** Catching up: level in A against change A → B, one dot per area. */
export function renderScatter({ data, view, vm, highlighted, onHighlight, onIntent }: ChangeViewArgs) {
  const change = vm.change;
  if (!data || !change) return nothing;
  return html`<klyft-scatter
    .levelA=${change.levelA}
    .delta=${change.changes.delta}
    .clear=${change.changes.clear}
    .names=${data.geometry.areas.features.map((f) => f.properties.name)}
    .codes=${data.geometry.codes}
    .selected=${view.area}
    .highlighted=${highlighted}
    .indicator=${data.indicator ?? null}
    .from=${change.from}
    .to=${change.to}
    .relative=${view.relative}
    .convergence=${change.convergence}
    .sentence=${change.sentence}
    .lang=${view.lang}
    @klyft-area-highlight=${onHighlight}
    @klyft-intent=${onIntent}
  ></klyft-scatter>`;
}

/** The table view: every area's value, rank and change in the year, sortable (the map's accessible alternative), with the values' caveats. */
export function renderTable(data: ViewData | null, view: ViewState, onIntent: (event: Event) => void, marks: LevelMarks | null = null) {
  if (!data || !data.indicator) return nothing;
  return html`<div class="table-wrap" id="table" tabindex="-1">
    <klyft-data-table
      .rows=${tableRows(data, view.year)}
      .indicator=${data.indicator}
      .year=${view.year}
      .firstYear=${data.series?.years[0] ?? view.year}
      .levelName=${levelLabel(data.geometry.meta, view.lang)}
      .selected=${view.area}
      .marks=${marks}
      .lang=${view.lang}
      @klyft-intent=${onIntent}
    ></klyft-data-table>
  </div>`;
}

/** The start-up failure: which file, why, and a retry. */
export function renderError(lang: Lang, file: string, reason: string) {
  const t = strings(lang).app;
  return html`<div class="error" role="alert">
    <h1>${t.loadError}</h1>
    <p>${fill(t.loadErrorHelp, { file, reason })}</p>
    <button class="btn" @click=${() => location.reload()}>${t.retry}</button>
  </div>`;
}
