/**
 * The downloads of the share dialog: the map as PNG, the table as CSV, a chart as SVG, each with
 * title, source and licence. Loaded with the first download.
 */
import type { AppController } from '../../app/app-controller';
import { fill, strings } from '../../i18n';
import { legendEntries } from '../../i18n/legend';
import { NO_DATA_CSS } from '../../scales/palette';
import { levelLabel } from '../../state/app-data';
import { valuesForYear } from '../../state/selectors';
import type { KlyftMapView } from '../../components/klyft-map-view';

/** Where the downloads find the pictures: the map, and the panels' charts. */
export interface DownloadSources {
  mapView(): KlyftMapView | null;
  /** The chart of the gap panel or the area panel (their SVG and unit line), for an SVG download. */
  chart(kind: 'gap' | 'series'): { svg: SVGSVGElement; unit: string | undefined } | null;
}

/** Builds the download `kind` ('png', 'csv', 'svg-gap', 'svg-series') of the view and saves it. */
export async function saveDownload(kind: string, app: AppController, host: DownloadSources): Promise<void> {
  const loaded = app.loaded;
  const indicator = loaded?.indicator;
  if (!loaded || !indicator) return;
  const { saveBlob, slug } = await import('../../export/save-blob');
  const { lang, year } = app.view;
  const vm = app.viewModel();
  const base = `klyftkartan-${slug(indicator.short[lang])}-${vm.titleYears}`;
  const source = app.catalogue?.sources.find((s) => s.id === indicator.source);
  const t = strings(lang);
  if (kind === 'csv') {
    const { csvBlob, tableCsv } = await import('../../export/table-csv');
    const series = loaded.series;
    const row = series ? valuesForYear(series, year, loaded.geometry.codes.length) : null;
    const rows = loaded.geometry.areas.features.map((f, i) => ({
      code: f.properties.code,
      name: f.properties.name,
      year,
      value: row && !Number.isNaN(row[i]!) ? row[i]! : null,
    }));
    saveBlob(csvBlob(tableCsv(rows, { indicator, source, years: series?.years }, location.href, lang)), `${base}.csv`);
  } else if (kind === 'png') {
    const mapView = host.mapView();
    const image = mapView ? await mapView.captureCanvas() : null;
    if (!image) return;
    const { renderPng } = await import('../../export/render-png');
    const legend = vm.levelScale ? legendEntries(vm.levelScale, indicator.unit, indicator.decimals, lang).map((e) => ({ color: e.color, label: e.label })) : [];
    const blob = await renderPng({
      mapImage: image,
      title: indicator.name[lang],
      years: vm.titleYears,
      subtitle: levelLabel(loaded.geometry.meta, lang),
      legendTitle: indicator.short[lang],
      legend: [...legend, { color: NO_DATA_CSS.includes('#969696') ? '#969696' : '#999999', label: t.legend.noData }],
      summary: vm.gap?.summary ?? null,
      source: source?.attribution[lang] ?? `${t.export.source}: ${indicator.source}`,
      licence: fill(t.export.licenceLine, { licence: source?.licence[lang] ?? '–' }),
      url: location.href,
    });
    saveBlob(blob, `${base}.png`);
  } else if (kind === 'svg-gap' || kind === 'svg-series') {
    const [{ chartSvg }, { sourceText, licenceText }] = await Promise.all([import('../../export/chart-svg'), import('../../export/table-csv')]);
    const chart = host.chart(kind === 'svg-gap' ? 'gap' : 'series');
    if (!chart) return;
    // The chart's own label says what it shows; the unit line sits outside the SVG in the panel.
    const text = chartSvg(chart.svg, {
      title: indicator.name[lang],
      subtitle: [chart.svg.getAttribute('aria-label') ?? '', chart.unit ?? '', levelLabel(loaded.geometry.meta, lang)].filter(Boolean),
      footer: [`${t.export.source}: ${sourceText(source, lang)}`, `${t.export.licence}: ${licenceText(source, lang)}`, location.href],
      lang,
    });
    saveBlob(new Blob([text], { type: 'image/svg+xml' }), `${base}-${kind === 'svg-gap' ? 'gap' : 'serie'}.svg`);
  }
}
