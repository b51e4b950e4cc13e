/**
 * Hand-written catalogue text: what each indicator means, how it reads (direction, target area),
 * the sources with their licences, and the level names. Source definitions come from the data
 * where they exist (Kolada's ddf--concepts.csv); English text is ours.
 */
import type { Direction, ShippedLevelId, LevelMeta, Localized, SourceMeta, TargetArea, UnitKind } from '../src/data/types';
import type { WeightDeclaration } from './weights';

/** Presentation of one Kolada KPI. */
export interface KoladaEntry {
  kpi: string;
  short: Localized;
  /** English name (the Swedish one comes from ddf--concepts.csv). */
  nameEn: string;
  descriptionEn: string;
  unit: UnitKind;
  /** Decimals shown in the app. */
  decimals: number;
  /** Decimals kept in the values file. */
  storeDecimals: number;
  direction: Direction;
  targetArea: TargetArea;
  aggregation: 'rate' | 'count';
  /** Standalone sex-specific KPI (life expectancy). */
  sex?: 'women' | 'men';
  /** Keep only election years. */
  electionYears?: boolean;
  successor?: string;
  predecessor?: string;
  /** Years each value summarises (a five-year mean: 5); the trend test uses non-overlapping periods. */
  periodYears?: number;
  /** The population the gap measures are weighted with (see weights.ts). */
  weight: WeightDeclaration;
}

/** Swedish general elections in the Kolada period. */
export const ELECTION_YEARS = [1994, 1998, 2002, 2006, 2010, 2014, 2018, 2022] as const;

const pct = { unit: 'percent', decimals: 1, storeDecimals: 2, aggregation: 'rate' } as const;

/** The 23 Kolada KPIs the app ships. */
export const KOLADA_ENTRIES: readonly KoladaEntry[] = [
  {
    kpi: 'N00923',
    short: { sv: 'Medellivslängd, män', en: 'Life expectancy, men' },
    nameEn: 'Life expectancy at birth, men (years)',
    descriptionEn: 'Expected remaining years of life at birth for men, over the five years T-4 to T.',
    unit: 'years',
    decimals: 1,
    storeDecimals: 2,
    aggregation: 'rate',
    direction: 'higher-better',
    targetArea: 'living',
    sex: 'men',
    weight: { key: 'population' },
    periodYears: 5,
  },
  {
    kpi: 'N00925',
    short: { sv: 'Medellivslängd, kvinnor', en: 'Life expectancy, women' },
    nameEn: 'Life expectancy at birth, women (years)',
    descriptionEn: 'Expected remaining years of life at birth for women, over the five years T-4 to T.',
    unit: 'years',
    decimals: 1,
    storeDecimals: 2,
    aggregation: 'rate',
    direction: 'higher-better',
    targetArea: 'living',
    sex: 'women',
    weight: { key: 'population' },
    periodYears: 5,
  },
  {
    kpi: 'N66077',
    ...pct,
    decimals: 0,
    storeDecimals: 1,
    short: { sv: 'Låg ek. standard 0–19 år', en: 'Low economic standard, 0–19' },
    nameEn: 'Residents aged 0–19 with low economic standard (%)',
    descriptionEn: 'Share of children and young people 0–19 living in households with an economic standard below 60 % of the national median.',
    direction: 'higher-worse',
    targetArea: 'start',
    weight: { key: 'ages-0-19' },
  },
  {
    kpi: 'N66078',
    ...pct,
    decimals: 0,
    storeDecimals: 1,
    short: { sv: 'Låg ek. standard 20–64 år', en: 'Low economic standard, 20–64' },
    nameEn: 'Residents aged 20–64 with low economic standard (%)',
    descriptionEn: 'Share of residents 20–64 living in households with an economic standard below 60 % of the national median.',
    direction: 'higher-worse',
    targetArea: 'work',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N66079',
    ...pct,
    decimals: 0,
    storeDecimals: 1,
    short: { sv: 'Låg ek. standard 65+ år', en: 'Low economic standard, 65+' },
    nameEn: 'Residents aged 65+ with low economic standard (%)',
    descriptionEn: 'Share of residents 65 and older living in households with an economic standard below 60 % of the national median.',
    direction: 'higher-worse',
    targetArea: 'work',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N01454',
    ...pct,
    storeDecimals: 1,
    short: { sv: 'Varaktigt låg ek. standard', en: 'Persistent low economic standard' },
    nameEn: 'Residents 25+ with persistently low economic standard, age-standardised (%)',
    descriptionEn: 'Share of residents 25 and older with low economic standard in the latest year and in at least two of the three years before.',
    direction: 'higher-worse',
    targetArea: 'work',
    weight: { key: 'none-ages' },
    periodYears: 4,
  },
  {
    kpi: 'U01803',
    ...pct,
    short: { sv: 'Låg inkomst 18–64 år', en: 'Low income, 18–64' },
    nameEn: 'Residents aged 18–64 with low income (%)',
    descriptionEn: 'Share of residents 18–64 whose income is below 60 % of the national median income for that age group (social assistance excluded).',
    direction: 'higher-worse',
    targetArea: 'work',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'U31803',
    ...pct,
    short: { sv: 'Barn i familjer med ek. bistånd', en: 'Children in families on social assistance' },
    nameEn: 'Children in families receiving social assistance (%)',
    descriptionEn: 'Share of children under 18 in households that received social assistance at some time during the year.',
    direction: 'higher-worse',
    targetArea: 'start',
    weight: {
      key: 'ages-0-19',
      note: {
        sv: 'Indikatorn gäller barn under 18 år; 0–19 år är den närmaste åldersgruppen i datan.',
        en: 'The indicator is about children under 18; 0–19 is the nearest age group in the data.',
      },
    },
  },
  {
    kpi: 'N31807',
    ...pct,
    short: { sv: 'Ekonomiskt bistånd', en: 'Social assistance' },
    nameEn: 'Residents who received social assistance during the year (%)',
    descriptionEn: 'Share of all residents, children included, who received social assistance at some time during the year.',
    direction: 'higher-worse',
    targetArea: 'work',
    weight: { key: 'population' },
  },
  {
    kpi: 'N00906',
    short: { sv: 'Förvärvsinkomst (median)', en: 'Earned income (median)' },
    nameEn: 'Median earned income, ages 20–64 (SEK)',
    descriptionEn: 'Median total earned income (employment, business, pensions and taxable benefits; no capital income) of residents 20–64.',
    unit: 'sek',
    decimals: 0,
    storeDecimals: 0,
    aggregation: 'rate',
    direction: 'higher-better',
    targetArea: 'work',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N00905',
    short: { sv: 'Nettoinkomst (median)', en: 'Net income (median)' },
    nameEn: 'Median net income, ages 20+ (SEK)',
    descriptionEn: 'Median disposable net income of residents 20 and older: all taxable and tax-free income minus tax.',
    unit: 'sek',
    decimals: 0,
    storeDecimals: 0,
    aggregation: 'rate',
    direction: 'higher-better',
    targetArea: 'work',
    weight: { key: 'ages-20plus' },
  },
  {
    kpi: 'N15428',
    ...pct,
    short: { sv: 'Behörighet till gymnasiet', en: 'Eligible for upper secondary' },
    nameEn: 'Year 9 pupils eligible for upper secondary vocational programmes, by home municipality (%)',
    descriptionEn: 'Share of pupils in year 9 who qualify for a vocational programme in upper secondary school.',
    direction: 'higher-better',
    targetArea: 'start',
    weight: {
      key: 'ages-15-19',
      note: {
        sv: 'Indikatorn gäller elever i årskurs 9; 15–19 år är den närmaste åldersgruppen i datan.',
        en: 'The indicator is about pupils in year 9; 15–19 is the nearest age group in the data.',
      },
    },
  },
  {
    kpi: 'N17473',
    ...pct,
    short: { sv: 'Högskolebehörighet inom 3 år', en: 'University eligibility in 3 years' },
    nameEn: 'Upper secondary students eligible for university within 3 years, by home municipality (%)',
    descriptionEn: 'Share of students who began upper secondary school three years earlier and became eligible for university within three years.',
    direction: 'higher-better',
    targetArea: 'start',
    weight: {
      key: 'ages-15-19',
      note: {
        sv: 'Indikatorn gäller gymnasieelever; 15–19 år är den närmaste åldersgruppen i datan.',
        en: 'The indicator is about upper secondary students; 15–19 is the nearest age group in the data.',
      },
    },
  },
  {
    kpi: 'N00914',
    ...pct,
    short: { sv: 'Förvärvsarbetande 20–64 år', en: 'In employment, 20–64' },
    nameEn: 'Employed residents aged 20–64 (%), discontinued 2021',
    descriptionEn: 'Share of residents 20–64 in gainful employment (RAMS). Discontinued after 2021; continued by employed residents 20–65 (BAS).',
    direction: 'higher-better',
    targetArea: 'work',
    successor: 'kolada-n02243',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N02243',
    ...pct,
    short: { sv: 'Sysselsatta 20–65 år', en: 'Employed, 20–65' },
    nameEn: 'Employed residents aged 20–65 (%)',
    descriptionEn: 'Share of residents 20–65 in employment in November (BAS). Continues the discontinued series for ages 20–64.',
    direction: 'higher-better',
    targetArea: 'work',
    predecessor: 'kolada-n00914',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N03920',
    ...pct,
    short: { sv: 'Arbetslöshet 18–65 år', en: 'Unemployment, 18–65' },
    nameEn: 'Unemployment, ages 18–65, annual average (% of population)',
    descriptionEn:
      'Residents 18–65 who are openly unemployed or in a programme with activity support, as a share of all residents of that age (18–64 up to 2022).',
    direction: 'higher-worse',
    targetArea: 'work',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N00957',
    short: { sv: 'Ohälsotal', en: 'Ill-health days' },
    nameEn: 'Ill-health rate (ohälsotal), days per person 16–64',
    descriptionEn: 'Days paid from the social insurance for sickness, rehabilitation, activity and sickness compensation, per resident 16–64.',
    unit: 'days',
    decimals: 1,
    storeDecimals: 2,
    aggregation: 'rate',
    direction: 'higher-worse',
    targetArea: 'living',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N00938',
    short: { sv: 'Sjukpenningtal', en: 'Sickness benefit days' },
    nameEn: 'Sickness benefit rate (sjukpenningtal), days per insured person',
    descriptionEn: 'Days with sickness and rehabilitation benefit per insured person 16–64 (net days).',
    unit: 'days',
    decimals: 1,
    storeDecimals: 2,
    aggregation: 'rate',
    direction: 'higher-worse',
    targetArea: 'living',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N01982',
    ...pct,
    short: { sv: 'Eftergymnasial utbildning', en: 'Post-secondary education' },
    nameEn: 'Residents aged 25–64 with post-secondary education (%)',
    descriptionEn: 'Share of residents 25–64 whose highest education is post-secondary (shorter or longer than 3 years, or doctoral).',
    direction: 'higher-better',
    targetArea: 'work',
    weight: { key: 'none-ages' },
  },
  {
    kpi: 'N05401',
    ...pct,
    short: { sv: 'Valdeltagande kommunval', en: 'Turnout, municipal election' },
    nameEn: 'Turnout in the latest municipal election (%)',
    descriptionEn: 'Votes cast (valid and invalid) in the municipal election as a share of those entitled to vote. Election years only.',
    direction: 'higher-better',
    targetArea: 'participation',
    electionYears: true,
    weight: {
      key: 'ages-20plus',
      note: {
        sv: 'Röstberättigade är 18 år och äldre; 20 år och äldre är den närmaste åldersgruppen i datan.',
        en: 'Voters are 18 and over; 20 and over is the nearest age group in the data.',
      },
    },
  },
  {
    kpi: 'N05403',
    ...pct,
    short: { sv: 'Valdeltagande riksdagsval', en: 'Turnout, general election' },
    nameEn: 'Turnout in the latest parliamentary election (%)',
    descriptionEn: 'Votes cast (valid and invalid) in the Riksdag election as a share of those entitled to vote. Election years only.',
    direction: 'higher-better',
    targetArea: 'participation',
    electionYears: true,
    weight: {
      key: 'ages-20plus',
      note: {
        sv: 'Röstberättigade är 18 år och äldre; 20 år och äldre är den närmaste åldersgruppen i datan.',
        en: 'Voters are 18 and over; 20 and over is the nearest age group in the data.',
      },
    },
  },
  {
    kpi: 'N05400',
    ...pct,
    short: { sv: 'Valdeltagande, minst ett val', en: 'Turnout, any election' },
    nameEn: 'Voted in at least one of the Riksdag, regional or municipal elections (%)',
    descriptionEn:
      'Share of those entitled to vote in any of the three elections who voted in at least one. Election years only (Kolada repeats each result for the three following years).',
    direction: 'higher-better',
    targetArea: 'participation',
    electionYears: true,
    weight: {
      key: 'ages-20plus',
      note: {
        sv: 'Röstberättigade är 18 år och äldre; 20 år och äldre är den närmaste åldersgruppen i datan.',
        en: 'Voters are 18 and over; 20 and over is the nearest age group in the data.',
      },
    },
  },
  {
    kpi: 'N01951',
    short: { sv: 'Folkmängd', en: 'Population' },
    nameEn: 'Population, total (persons)',
    descriptionEn: 'Number of residents on 31 December.',
    unit: 'persons',
    decimals: 0,
    storeDecimals: 0,
    aggregation: 'count',
    direction: 'neutral',
    targetArea: 'living',
    weight: { key: 'none-count' },
  },
];

/** Sources of boundaries and statistics, with licence and attribution. */
export const SOURCES: readonly SourceMeta[] = [
  {
    id: 'kolada',
    name: { sv: 'Kolada – kommun- och regiondatabasen', en: 'Kolada – the municipal and regional database' },
    publisher: {
      sv: 'RKA (Rådet för främjande av kommunala analyser), med SCB, Skolverket, Försäkringskassan och Valmyndigheten som underliggande källor',
      en: 'RKA (the Council for the Promotion of Municipal Analyses), with Statistics Sweden, the Swedish National Agency for Education, the Swedish Social Insurance Agency and the Election Authority as underlying sources',
    },
    licence: { sv: 'Öppna data, fri användning med källhänvisning', en: 'Open data, free to use with attribution' },
    url: 'https://www.kolada.se',
    attribution: { sv: 'Källa: Kolada (RKA)', en: 'Source: Kolada (RKA)' },
  },
  {
    id: 'ddf-kolada',
    name: { sv: 'Kolada i DDF-format (open-numbers/ddf--kolada--dump)', en: 'Kolada in DDF form (open-numbers/ddf--kolada--dump)' },
    publisher: {
      sv: 'open-numbers (Gapminder), hämtat från Koladas öppna API hösten 2024',
      en: 'open-numbers (Gapminder), fetched from Kolada’s open API in autumn 2024',
    },
    licence: { sv: 'Som Kolada (vidarepublicering av Koladas öppna data)', en: 'As Kolada (a republication of Kolada’s open data)' },
    url: 'https://github.com/open-numbers/ddf--kolada--dump',
    attribution: { sv: 'Källa: Kolada (RKA)', en: 'Source: Kolada (RKA)' },
  },
  {
    id: 'scb-deso',
    name: { sv: 'SCB Statistikdatabasen, statistik per DeSO 2022', en: 'Statistics Sweden database, statistics by DeSO 2022' },
    publisher: { sv: 'SCB (Statistiska centralbyrån)', en: 'Statistics Sweden (SCB)' },
    licence: { sv: 'CC BY 4.0', en: 'CC BY 4.0' },
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    url: 'https://www.scb.se',
    attribution: { sv: 'Källa: SCB', en: 'Source: Statistics Sweden (SCB)' },
  },
  {
    id: 'scb-geo',
    name: {
      sv: 'SCB:s öppna geodata: kommuner, län, DeSO och RegSO 2025',
      en: 'Statistics Sweden open geodata: municipalities, counties, DeSO and RegSO 2025',
    },
    publisher: { sv: 'SCB (Statistiska centralbyrån)', en: 'Statistics Sweden (SCB)' },
    licence: { sv: 'CC BY 4.0', en: 'CC BY 4.0' },
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    url: 'https://www.scb.se',
    attribution: { sv: 'Källa: SCB', en: 'Source: Statistics Sweden (SCB)' },
  },
  {
    id: 'gbg-geo',
    name: { sv: 'Göteborgs Stads områdesindelning 2025', en: 'City of Gothenburg area divisions 2025' },
    publisher: {
      sv: 'Göteborgs Stad, stadsledningskontoret; publicerad i globalfunlearning/gothenburg_maps',
      en: 'City of Gothenburg, City Executive Office; published in globalfunlearning/gothenburg_maps',
    },
    licence: { sv: 'MIT (globalfunlearning/gothenburg_maps)', en: 'MIT (globalfunlearning/gothenburg_maps)' },
    url: 'https://goteborg.se',
    attribution: { sv: 'Källa: Göteborgs Stad', en: 'Source: City of Gothenburg' },
  },
  {
    id: 'boras',
    name: {
      sv: 'SCB-statistik och DeSO 2025 för Borås (real-estate-war-lord/am-dashboard-se)',
      en: 'Statistics Sweden data and DeSO 2025 for Borås (real-estate-war-lord/am-dashboard-se)',
    },
    publisher: { sv: 'SCB; sammanställt i real-estate-war-lord/am-dashboard-se', en: 'Statistics Sweden; compiled in real-estate-war-lord/am-dashboard-se' },
    licence: { sv: 'MIT (real-estate-war-lord/am-dashboard-se)', en: 'MIT (real-estate-war-lord/am-dashboard-se)' },
    url: 'https://www.scb.se',
    attribution: { sv: 'Källa: SCB', en: 'Source: Statistics Sweden (SCB)' },
  },
];

/** Level names and grouping; count, file and bbox come from the built geometry. */
export const LEVEL_TEXT: Record<ShippedLevelId, Pick<LevelMeta, 'group' | 'name' | 'areaNoun' | 'outlines' | 'inChooser' | 'sources'>> = {
  kommun: {
    group: { sv: 'Sverige', en: 'Sweden' },
    name: { sv: 'kommuner', en: 'municipalities' },
    areaNoun: { sv: 'kommun', en: 'municipality' },
    outlines: ['lan'],
    inChooser: true,
    sources: ['scb-geo'],
  },
  'gbg-stadsomrade': {
    group: { sv: 'Göteborg', en: 'Gothenburg' },
    name: { sv: 'stadsområden', en: 'city areas' },
    areaNoun: { sv: 'stadsområde', en: 'city area' },
    outlines: [],
    inChooser: true,
    sources: ['gbg-geo'],
  },
  'gbg-mellanomrade': {
    group: { sv: 'Göteborg', en: 'Gothenburg' },
    name: { sv: 'mellanområden', en: 'intermediate areas' },
    areaNoun: { sv: 'mellanområde', en: 'intermediate area' },
    outlines: [],
    inChooser: true,
    sources: ['gbg-geo'],
  },
  'gbg-primaromrade': {
    group: { sv: 'Göteborg', en: 'Gothenburg' },
    name: { sv: 'primärområden', en: 'primary areas' },
    areaNoun: { sv: 'primärområde', en: 'primary area' },
    outlines: [],
    inChooser: true,
    sources: ['gbg-geo'],
  },
  'gbg-basomrade': {
    group: { sv: 'Göteborg', en: 'Gothenburg' },
    name: { sv: 'basområden', en: 'base areas' },
    areaNoun: { sv: 'basområde', en: 'base area' },
    outlines: [],
    inChooser: false,
    sources: ['gbg-geo'],
  },
  'gbg-deso': {
    group: { sv: 'Göteborg', en: 'Gothenburg' },
    name: { sv: 'DeSO', en: 'DeSO (demographic statistical areas)' },
    areaNoun: { sv: 'DeSO-område', en: 'DeSO area' },
    outlines: [],
    inChooser: true,
    sources: ['scb-geo', 'gbg-geo'],
  },
  'gbg-regso': {
    group: { sv: 'Göteborg', en: 'Gothenburg' },
    name: { sv: 'RegSO', en: 'RegSO (regional statistical areas)' },
    areaNoun: { sv: 'RegSO-område', en: 'RegSO area' },
    outlines: [],
    inChooser: true,
    sources: ['scb-geo', 'gbg-geo'],
  },
  'boras-deso': {
    group: { sv: 'Borås', en: 'Borås' },
    name: { sv: 'DeSO', en: 'DeSO (demographic statistical areas)' },
    areaNoun: { sv: 'DeSO-område', en: 'DeSO area' },
    outlines: [],
    inChooser: true,
    sources: ['boras'],
  },
};
