/**
 * Where `npm run data:fetch` reads fresh data: the APIs, and which SCB tables feed the DeSO build.
 * All addresses and table queries live here.
 */

/** Kolada's open API, version 2 (documented at github.com/Hypergene/kolada). */
export const KOLADA_API = 'https://api.kolada.se/v2';

/** Items per Kolada page; the API follows with `next_page` when there are more. */
export const KOLADA_PER_PAGE = 5000;

/** First year asked of Kolada: the oldest series in the catalogue start in 1994. */
export const KOLADA_FIRST_YEAR = 1994;

/** SCB's PxWeb API v2 (Statistikdatabasen); data as JSON-stat 2.0. */
export const SCB_API = 'https://statistikdatabasen.scb.se/api/v2';

/** One variable's selection in a PxWeb v2 data query (POST body `{ selection: [...] }`). */
export interface PxSelection {
  variableCode: string;
  valueCodes: string[];
}

/** An SCB table the DeSO build reads, and how to ask PxWeb API v2 for it. */
export interface ScbTableSource {
  /** Statistikdatabasen's table id, as in the file names of scb-deso-2022/ ("000006TA"). */
  table: string;
  /**
   * The table's id in PxWeb API v2 ("TAB…"), or null while it is not confirmed: such tables are not
   * fetched and the saved xlsx stays. Fill in after checking `${SCB_API}/tables?query=<table>`.
   */
  v2Id: string | null;
  /** The query; `*` in valueCodes selects all codes with that prefix (PxWeb v2 wildcard). */
  selection: PxSelection[];
}

/** DeSO of Göteborg (1480) and Borås (1490): the areas the build joins. */
const DESO = { variableCode: 'Region', valueCodes: ['1480*', '1490*'] };
/** The latest year only: the DeSO build reads one year per table. */
const LATEST = { variableCode: 'Tid', valueCodes: ['top(1)'] };
const ALL_CONTENTS = { variableCode: 'ContentsCode', valueCodes: ['*'] };

/**
 * The SCB DeSO tables of the build (scripts/scb-deso.ts). Their PxWeb v2 ids and variable codes could
 * not be confirmed offline, so v2Id is null: set it (and adjust the variables, e.g. Kon/Alder) per table
 * to let `data:fetch` refresh it. The fetched JSON-stat's labels must contain the header labels the
 * build looks for (findColumn in scb-deso.ts); if they do not, the build fails and nothing is changed.
 */
export const SCB_TABLES: readonly ScbTableSource[] = [
  '000005F8', // households by type
  '000005FB', // population by birth region
  '000005FC', // population
  '000005FE', // Swedish/foreign background
  '000005FM', // net income, median and mean
  '000006OC', // dwellings by tenure
  '000006TA', // low economic standard
  '000007A8', // labour-market status 16–64
].map((table) => ({ table, v2Id: null, selection: [DESO, ALL_CONTENTS, LATEST] }));
