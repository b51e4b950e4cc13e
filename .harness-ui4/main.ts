import '../src/components/klyft-area-detail';
import '../src/components/klyft-tooltip';
import '../src/components/klyft-data-table';
import '../src/components/klyft-sources';
import type { IndicatorMeta, Catalogue } from '../src/data/types';

const indicator: IndicatorMeta = {
  id: 'kolada-n66077', name: { sv: 'Barn i ekonomiskt utsatta hushåll', en: 'Children in economically vulnerable households' },
  short: { sv: 'Barnfattigdom', en: 'Child poverty' }, description: { sv: '', en: '' }, unit: 'percent', decimals: 1,
  direction: 'higher-worse', targetArea: 'start', sex: 'total', aggregation: 'rate', source: 'kolada', table: 'N66077',
  levels: { kommun: { years: [2011,2012,2013,2014,2015,2016,2017,2018,2019,2020,2021,2022], file: 'x' }, 'gbg-primaromrade': { years: [2018,2019,2020,2021,2022], file: 'y', derived: 'estimated-from-deso' } },
};
const years = [2011,2012,2013,2014,2015,2016,2017,2018,2019,2020,2021,2022];
const d = document.getElementById('detail')!;
Object.assign(d, { name: 'Upplands-Väsby', code: '0114', levelNoun: 'kommun', indicator, year: 2019, years,
  series: [14.2, 13.8, NaN, 12.9, 12.1, 11.5, NaN, NaN, 10.4, 10.9, 9.8, 9.1],
  median: [12.0, 11.8, 11.5, 11.2, 11.0, 10.6, 10.2, 10.0, 9.8, 9.6, 9.4, 9.2],
  reference: [13.5, 13.1, 12.8, 12.4, 12.0, 11.7, 11.3, 11.0, 10.7, 10.5, NaN, NaN],
  rank: 180, count: 290, change: { from: 2011, delta: -4.1 }, reason: null, lang: 'sv' });
d.addEventListener('klyft-intent', (e) => { console.log('intent', JSON.stringify((e as CustomEvent).detail)); (d as any).year = (e as CustomEvent).detail.year; });
d.addEventListener('klyft-area-close', () => console.log('close'));

const tip = document.getElementById('tip')!;
Object.assign(tip, { x: 460, y: 260, containerWidth: 500, containerHeight: 300, name: 'Upplands-Väsby', value: '12,1 %', rank: 3, count: 290, change: '−4,1 procentenheter', firstYear: 2011, lang: 'sv' });

const names = ['Ale','Alingsås','Borås','Göteborg','Öckerö','Åmål','Älmhult','Zinkgruvan','<img src=x onerror=alert(1)>'];
const rows = Array.from({ length: 1025 }, (_, i) => ({
  code: String(1000 + i), name: (names[i % names.length] ?? 'x') + ' ' + i,
  value: i % 50 === 7 ? NaN : (i * 37) % 200 / 10, rank: 0, change: i % 3 === 0 ? NaN : ((i * 13) % 40 - 20) / 10,
  reason: i % 100 === 7 ? 'suppressed' : null,
}));
const ranked = rows.filter(r => !isNaN(r.value)).sort((a, b) => a.value - b.value);
ranked.forEach((r, k) => (r.rank = k + 1));
const table = document.getElementById('table')!;
Object.assign(table, { rows, indicator, year: 2022, firstYear: 2011, levelName: 'kommuner', selected: '1003', lang: 'sv' });
table.addEventListener('klyft-intent', (e) => { console.log('intent', JSON.stringify((e as CustomEvent).detail)); (table as any).selected = (e as CustomEvent).detail.area; });

const catalogue: Catalogue = {
  version: 1, basemap: 'b',
  levels: [{ id: 'kommun', group: { sv: 'Sverige', en: 'Sweden' }, name: { sv: 'kommuner', en: 'municipalities' }, areaNoun: { sv: 'kommun', en: 'municipality' }, count: 290, file: 'f', outlines: [], bbox: [0,0,1,1], inChooser: true, sources: ['lm'] },
    { id: 'gbg-primaromrade', group: { sv: 'Göteborg', en: 'Gothenburg' }, name: { sv: 'primärområden', en: 'primary areas' }, areaNoun: { sv: 'primärområde', en: 'primary area' }, count: 96, file: 'f', outlines: [], bbox: [0,0,1,1], inChooser: true, sources: ['gbg'] }],
  indicators: [indicator, { ...indicator, id: 'scb-x', name: { sv: 'Valdeltagande', en: 'Turnout' }, source: 'scb', table: 'ME0104', levels: { kommun: { years: [2014, 2018, 2022], file: 'z' } } }],
  sources: [
    { id: 'lm', name: { sv: 'Lantmäteriet', en: 'Lantmäteriet' }, publisher: 'Lantmäteriet', licence: 'CC0', licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/', attribution: { sv: 'Källa: Lantmäteriet', en: 'Source: Lantmäteriet' } },
    { id: 'kolada', name: { sv: 'Kolada', en: 'Kolada' }, url: 'https://kolada.se', publisher: 'RKA', licence: 'CC BY 4.0', attribution: { sv: 'Källa: Kolada (RKA)', en: 'Source: Kolada (RKA)' } },
    { id: 'scb', name: { sv: 'SCB', en: 'Statistics Sweden' }, publisher: 'SCB', licence: 'CC BY 4.0', attribution: { sv: 'Källa: SCB', en: 'Source: Statistics Sweden' } },
  ],
};
const sources = document.getElementById('sources')!;
Object.assign(sources, { catalogue, lang: 'sv', joinReport: [
  { source: 'kolada', table: 'N66077', level: 'kommun', matched: 290, unmatchedSource: [], unmatchedGeometry: [], duplicates: [] },
  { source: 'scb', table: 'ME0104', level: 'gbg-primaromrade', matched: 90, unmatchedSource: Array.from({ length: 27 }, (_, i) => 'C' + i), unmatchedGeometry: ['207', '208'], duplicates: ['301'], note: { sv: 'Sex områden saknas.', en: 'Six areas missing.' } },
] });
document.getElementById('open')!.addEventListener('click', () => (sources as any).show());
sources.addEventListener('klyft-sources-close', () => console.log('sources-close'));
