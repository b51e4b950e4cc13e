/**
 * Where `npm run data:fetch` reads fresh data: the APIs, and which SCB tables feed the DeSO build and the
 * Borås file. All addresses, table ids and value codes live here, each with where it was confirmed.
 *
 * None of the SCB ids below could be checked against the live API when this was written (no network);
 * they were confirmed in public code and documentation that uses them against the API (sources per entry).
 * A wrong id or code does not corrupt anything: the query is built from the table's own metadata, an id or
 * code the table does not have stops data:fetch with a message naming it, and nothing is changed.
 */
import type { PxPick, PxQuery } from './pxweb';

/** Kolada's open API, version 2 (documented at github.com/Hypergene/kolada). */
export const KOLADA_API = 'https://api.kolada.se/v2';

/** Items per Kolada page; the API follows with `next_page` when there are more. */
export const KOLADA_PER_PAGE = 5000;

/** First year asked of Kolada: the oldest series in the catalogue start in 1994. */
export const KOLADA_FIRST_YEAR = 1994;

/**
 * SCB's PxWeb API v2 (Statistikdatabasen): GET `${SCB_API}/tables/{id}/metadata?lang=sv` and POST
 * `${SCB_API}/tables/{id}/data?lang=sv&outputFormat=json-stat2` with `{ selection: [{ variableCode, valueCodes }] }`.
 * Base URL as in the PxWebApiData (CRAN) docs, https://rdrr.io/cran/PxWebApiData/man/meta_data.html
 * ("https://statistikdatabasen.scb.se/api/v2/tables/TAB1525/data?lang=en"), and the pxweb R package docs,
 * https://www.rdocumentation.org/packages/pxweb/versions/0.19.2/topics/pxweb_codelists
 * (".../api/v2/tables/TAB5974/metadata?lang=sv"). The beta address api.scb.se/OV0104/v2beta/api/v2 serves the same API.
 */
export const SCB_API = 'https://statistikdatabasen.scb.se/api/v2';

/** Kommuner whose DeSO are fetched: Göteborg and Borås. */
export const SCB_KOMMUNER = ['1480', '1490'] as const;

/** One column of an SCB table as the DeSO build reads it: the export's header labels, and the cells summed. */
export interface ScbColumnSpec {
  /** Header labels as in the saved xlsx export (what scripts/scb-deso.ts looks for); the year is added. */
  labels: readonly string[];
  /** Cells picked by value code or, where no code was confirmed, by SCB's label (as in the saved export). */
  sum: readonly PxPick[];
}

/** An SCB table the DeSO build reads, and how to ask PxWeb API v2 for it. */
export interface ScbTableSource {
  /** Statistikdatabasen's internal table id, as in the file names of scb-deso-2022/ ("000006TA"). */
  table: string;
  /** The table in PxWeb API v2 and the values asked for; null when no v2 id is confirmed (the xlsx stays). */
  query: PxQuery | null;
  /** Where the id and codes were confirmed. */
  confirmed: string;
  columns: readonly ScbColumnSpec[];
}

const latest = (v2Id: string, select: PxQuery['select']): PxQuery => ({ v2Id, select, years: 'latest' });

/**
 * The SCB DeSO tables the build derives indicators from (scripts/scb-deso.ts), as their current PxWeb v2
 * tables. These carry DeSO 2025 codes from reference year 2024 (the map's geometry), so a refreshed table
 * joins to the map without the DeSO 2018 → 2025 gap. The other two tables of scb-deso-2022/ (000005FF age,
 * 000005LO type of building) stay as saved: 000005LO feeds no indicator, and 000005FF (population by age) must
 * cover all of Sweden, because the build sums it per municipality for the child and adult population weights.
 *
 * Sources, abbreviated below:
 *  [am]  github.com/real-estate-war-lord/am-dashboard-se, config/indicators.json and config/tables_se.json
 *        ("Table IDs verified live 2026-09-14/18"; the same repository compiled boras-deso-2024-2025.csv).
 *  [map] public code (a scripts/probe.py of an SCB DeSO bulk downloader, found by code search; repository not
 *        named by the index) mapping each TAB id to its Statistikdatabasen page, e.g. TAB6685 →
 *        https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__HE__HE0110__HE0110I/Tab4InkDesoRegso/ and
 *        TAB6679 → .../START__HE__HE0110__HE0110I/Tab1InkDesoRegso/; a second public note lists TAB6574, TAB6568,
 *        TAB6571/6572, TAB6679/6683/6684 and TAB6685 as "confirmed in the live API response" (v2beta).
 *  [inc] public R code (code search) querying https://api.scb.se/OV0104/v1/doris/sv/ssd/HE/HE0110/HE0110I/Tab1InkDesoRegso:
 *        median "0000089U" (Medianvärde, tkr), mean "0000089T" (Medelvärde, tkr), persons "0000089O"
 *        (Antal personer totalt), InkomstTyp "NeInk" (nettoinkomst), Kon "1+2" (totalt).
 *  [bas] public notes and code (code search) on AM/AM0210/AM0210G/ArRegDesoStatusN: 0000089X employed, 0000089W
 *        unemployed, 0000089V labour force, 0000089Z outside the labour force, 0000089Y total; ages incl. "16-64".
 * Where a value code was not found (marked "by label"), the cell is picked by SCB's label as it stands in the
 * saved export of the same table; if SCB's label differs, data:fetch stops and names it.
 */
export const SCB_TABLES: readonly ScbTableSource[] = [
  {
    table: '000005F8', // households by type → HushallDesoTyp
    query: latest('TAB6568', { Hushallstyp: ['*'], ContentsCode: ['000007Y1'] }),
    confirmed: 'TAB6568 [map] [am]; ContentsCode 000007Y1, Hushallstyp ESMB/ESUB [am]; the other household types by label',
    columns: [
      { labels: ['sammanboende med barn'], sum: [{ Hushallstyp: 'sammanboende med barn' }] },
      { labels: ['sammanboende utan barn'], sum: [{ Hushallstyp: 'sammanboende utan barn' }] },
      { labels: ['ensamstående med barn'], sum: [{ Hushallstyp: 'ESMB' }] },
      { labels: ['ensamstående utan barn'], sum: [{ Hushallstyp: 'ESUB' }] },
      { labels: ['övriga hushåll'], sum: [{ Hushallstyp: 'övriga hushåll' }] },
    ],
  },
  {
    table: '000005FB', // population by birth region → FolkmDesoLandKon
    query: latest('TAB6572', { födelseregion: ['*'], kön: ['*'], ContentsCode: ['*'] }),
    confirmed: 'TAB6572 [map] [am tables_se]; variable and value codes not found: picked by label',
    columns: [
      { labels: ['Sverige', 'totalt'], sum: [{ födelseregion: 'Sverige', kön: 'totalt' }] },
      { labels: ['Europa utom Sverige', 'totalt'], sum: [{ födelseregion: 'Europa utom Sverige', kön: 'totalt' }] },
      { labels: ['övriga världen inkl. uppgift saknas', 'totalt'], sum: [{ födelseregion: 'övriga världen inkl. uppgift saknas', kön: 'totalt' }] },
      { labels: ['totalt', 'totalt'], sum: [{ födelseregion: 'totalt', kön: 'totalt' }] },
    ],
  },
  {
    table: '000005FC', // population → FolkmDesoAldKon (all ages)
    query: latest('TAB6574', { Alder: ['totalt'], Kon: ['1+2'], ContentsCode: ['000007Y7'] }),
    confirmed: 'TAB6574 [map] [am]; ContentsCode 000007Y7, Alder "totalt", Kon "1+2" [am]',
    columns: [{ labels: ['totalt'], sum: [{ Alder: 'totalt', Kon: '1+2', ContentsCode: '000007Y7' }] }],
  },
  {
    table: '000005FE', // Swedish/foreign background → FolkmDesoBakgrKon
    query: latest('TAB6571', { UtlBakgrund: ['1', '2', 'SA'], Kon: ['1+2'], ContentsCode: ['000007Y4'] }),
    confirmed:
      'TAB6571 [map] [am]; ContentsCode 000007Y4, UtlBakgrund 1 (foreign) / SA (total), Kon "1+2" [am]; 2 (Swedish) in public TypeScript querying TAB6571',
    columns: [
      { labels: ['svensk bakgrund', 'totalt'], sum: [{ UtlBakgrund: '2', Kon: '1+2' }] },
      { labels: ['utländsk bakgrund', 'totalt'], sum: [{ UtlBakgrund: '1', Kon: '1+2' }] },
      { labels: ['totalt', 'totalt'], sum: [{ UtlBakgrund: 'SA', Kon: '1+2' }] },
    ],
  },
  {
    table: '000005FM', // net income, median and mean → Tab1InkDesoRegso
    query: latest('TAB6679', { InkomstTyp: ['NeInk'], Kon: ['1+2'], ContentsCode: ['0000089U', '0000089T', '0000089O'] }),
    confirmed: 'TAB6679 = Tab1InkDesoRegso [map]; ContentsCode, InkomstTyp, Kon [inc]',
    columns: [
      { labels: ['Medianvärde, tkr', 'nettoinkomst'], sum: [{ ContentsCode: '0000089U' }] },
      { labels: ['Medelvärde, tkr', 'nettoinkomst'], sum: [{ ContentsCode: '0000089T' }] },
      { labels: ['Antal personer totalt', 'nettoinkomst'], sum: [{ ContentsCode: '0000089O' }] },
    ],
  },
  {
    table: '000006OC', // dwellings by tenure → BO0104T01N2 (DeSO 2025)
    query: latest('TAB6638', { Upplatelseform: ['1', '2', '3', 'ÖVRIGT'], ContentsCode: ['00000864'] }),
    confirmed: "TAB6638 [map] [am]; ContentsCode 00000864, Upplatelseform 1 (hyresrätt) 2 3 ÖVRIGT [am]; 2 bostadsrätt, 3 äganderätt as in [am]'s TAB824 notes",
    columns: [
      { labels: ['hyresrätt'], sum: [{ Upplatelseform: '1' }] },
      { labels: ['bostadsrätt'], sum: [{ Upplatelseform: '2' }] },
      { labels: ['äganderätt'], sum: [{ Upplatelseform: '3' }] },
      { labels: ['uppgift saknas'], sum: [{ Upplatelseform: 'ÖVRIGT' }] },
    ],
  },
  {
    table: '000006TA', // low economic standard → Tab4InkDesoRegso
    query: latest('TAB6685', { Alder: ['tot'], ContentsCode: ['*'] }),
    confirmed:
      'TAB6685 = Tab4InkDesoRegso [map] [am]; ContentsCode 000008AC (low) and Alder "tot" [am]; 000008AD (high) in public PHP/Python; persons by label',
    columns: [
      { labels: ['Låg ekonomisk standard, procent', 'totalt ålder'], sum: [{ Alder: 'tot', ContentsCode: '000008AC' }] },
      { labels: ['Hög ekonomisk standard, procent', 'totalt ålder'], sum: [{ Alder: 'tot', ContentsCode: '000008AD' }] },
      { labels: ['Antal personer totalt', 'totalt ålder'], sum: [{ Alder: 'tot', ContentsCode: 'Antal personer totalt' }] },
    ],
  },
  {
    table: '000007A8', // labour-market status → ArRegDesoStatusN
    query: latest('TAB6680', { Kon: ['1+2'], Alder: ['16-64'], ContentsCode: ['0000089X', '0000089W', '0000089V', '0000089Z', '0000089Y'] }),
    confirmed: 'TAB6680 = ArRegDesoStatusN [map] [am]; ContentsCode, Kon "1+2" [am] [bas]; Alder "16-64" [bas]',
    columns: (
      [
        ['antal sysselsatta', '0000089X'],
        ['antal arbetslösa', '0000089W'],
        ['antal sysselsatta och arbetslösa (arbetskraften)', '0000089V'],
        ['antal personer utanför arbetskraften', '0000089Z'],
        ['antal totalt', '0000089Y'],
      ] as const
    ).map(([label, code]) => ({ labels: [label, 'totalt', '16-64 år'], sum: [{ ContentsCode: code }] })),
  },
];

/**
 * One indicator of indicators/boras-deso/boras-deso-2024-2025.csv: its table query and how the value is made.
 * value = passthrough of `numerator`, or 100 · Σnumerator / Σdenominator, rounded to `decimals` (as the file has).
 */
export interface BorasSource {
  indicator: string;
  query: PxQuery;
  numerator: readonly PxPick[];
  denominator?: readonly PxPick[];
  decimals: number;
}

/** DeSO 2025 codes exist from reference year 2024: the file holds every year since. */
const SINCE_2024 = { from: 2024 } as const;

/**
 * The Borås indicators the build ships (scripts/boras.ts), exactly as [am] config/indicators.json defines
 * them (the repository that compiled boras-deso-2024-2025.csv): same tables, codes and ratios.
 * Rows of the file's other indicators (not shipped) are kept as they are.
 */
export const BORAS_SOURCES: readonly BorasSource[] = [
  {
    indicator: 'low_econ',
    query: { v2Id: 'TAB6685', select: { Alder: ['tot'], ContentsCode: ['000008AC'] }, years: SINCE_2024 },
    numerator: [{}],
    decimals: 3,
  },
  { indicator: 'income_med', query: { v2Id: 'TAB6684', select: { ContentsCode: ['000008AB'] }, years: SINCE_2024 }, numerator: [{}], decimals: 3 },
  {
    indicator: 'income',
    query: { v2Id: 'TAB6683', select: { Inkomstkomponenter: ['240'], Kon: ['1+2'], ContentsCode: ['000008A4'] }, years: SINCE_2024 },
    numerator: [{}],
    decimals: 3,
  },
  {
    indicator: 'unemp',
    query: { v2Id: 'TAB6680', select: { Kon: ['1+2'], Alder: ['20-64'], ContentsCode: ['0000089W', '0000089V', '0000089X', '0000089Y'] }, years: SINCE_2024 },
    numerator: [{ ContentsCode: '0000089W' }],
    denominator: [{ ContentsCode: '0000089V' }],
    decimals: 3,
  },
  {
    indicator: 'employment',
    query: { v2Id: 'TAB6680', select: { Kon: ['1+2'], Alder: ['20-64'], ContentsCode: ['0000089W', '0000089V', '0000089X', '0000089Y'] }, years: SINCE_2024 },
    numerator: [{ ContentsCode: '0000089X' }],
    denominator: [{ ContentsCode: '0000089Y' }],
    decimals: 3,
  },
  {
    indicator: 'higher_ed',
    query: { v2Id: 'TAB6534', select: { UtbildningsNiva: ['21', '3+4', '5', '6'], ContentsCode: ['000007Z6'] }, years: SINCE_2024 },
    numerator: [{ UtbildningsNiva: '5' }, { UtbildningsNiva: '6' }],
    // Level unknown ("US") is left out of the denominator, as [am] does.
    denominator: [{ UtbildningsNiva: '21' }, { UtbildningsNiva: '3+4' }, { UtbildningsNiva: '5' }, { UtbildningsNiva: '6' }],
    decimals: 3,
  },
  {
    indicator: 'foreign',
    query: { v2Id: 'TAB6571', select: { UtlBakgrund: ['1', 'SA'], Kon: ['1+2'], ContentsCode: ['000007Y4'] }, years: SINCE_2024 },
    numerator: [{ UtlBakgrund: '1' }],
    denominator: [{ UtlBakgrund: 'SA' }],
    decimals: 3,
  },
  // young, single, renters and flats as [am] config/indicators.json defines them at DeSO level (TAB6574 ages
  // 20–24 + 25–29 + 30–34 of "totalt"; TAB6568 ESUB of TOTALT; TAB6638 tenure 1 of 1+2+3+ÖVRIGT; TAB6065
  // persons in FLERBOST of TOTALT).
  {
    indicator: 'young',
    query: { v2Id: 'TAB6574', select: { Alder: ['20-24', '25-29', '30-34', 'totalt'], Kon: ['1+2'], ContentsCode: ['000007Y7'] }, years: SINCE_2024 },
    numerator: [{ Alder: '20-24' }, { Alder: '25-29' }, { Alder: '30-34' }],
    denominator: [{ Alder: 'totalt' }],
    decimals: 3,
  },
  {
    indicator: 'single',
    query: { v2Id: 'TAB6568', select: { Hushallstyp: ['ESUB', 'TOTALT'], ContentsCode: ['000007Y1'] }, years: SINCE_2024 },
    numerator: [{ Hushallstyp: 'ESUB' }],
    denominator: [{ Hushallstyp: 'TOTALT' }],
    decimals: 3,
  },
  {
    indicator: 'renters',
    query: { v2Id: 'TAB6638', select: { Upplatelseform: ['1', '2', '3', 'ÖVRIGT'], ContentsCode: ['00000864'] }, years: SINCE_2024 },
    numerator: [{ Upplatelseform: '1' }],
    // Tenure unknown stays in the denominator, as [am] does.
    denominator: [{ Upplatelseform: '1' }, { Upplatelseform: '2' }, { Upplatelseform: '3' }, { Upplatelseform: 'ÖVRIGT' }],
    decimals: 3,
  },
  {
    indicator: 'flats',
    query: { v2Id: 'TAB6065', select: { Hustyp: ['FLERBOST', 'TOTALT'], ContentsCode: ['0000077F'] }, years: SINCE_2024 },
    numerator: [{ Hustyp: 'FLERBOST' }],
    denominator: [{ Hustyp: 'TOTALT' }],
    decimals: 3,
  },
];
