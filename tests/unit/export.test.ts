import { describe, expect, it } from 'vitest';
import type { IndicatorMeta, SourceMeta } from '../../src/data/types';
import { citeText, yearSpan } from '../../src/export/cite-text';
import { csvField, isoDate, licenceText, sourceText, tableCsv, type CsvRow, type ExportMeta } from '../../src/export/table-csv';

const indicator: IndicatorMeta = {
  id: 'kolada-n66077',
  name: { sv: 'Låg ekonomisk standard 0–19 år, andel (%)', en: 'Low economic standard aged 0–19 (%)' },
  short: { sv: 'Låg ek. standard', en: 'Low ec. standard' },
  description: { sv: '', en: '' },
  unit: 'percent',
  decimals: 1,
  direction: 'higher-worse',
  targetArea: 'start',
  sex: 'total',
  aggregation: 'rate',
  source: 'kolada',
  table: 'N66077',
  levels: {},
};

const source: SourceMeta = {
  id: 'kolada',
  name: { sv: 'Kolada', en: 'Kolada' },
  publisher: { sv: 'RKA', en: 'RKA' },
  licence: { sv: 'CC BY 4.0', en: 'CC BY 4.0' },
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  url: 'https://www.kolada.se',
  attribution: { sv: 'Källa: Kolada (RKA)', en: 'Source: Kolada (RKA)' },
};

const meta: ExportMeta = { indicator, source, years: [2011, 2012, 2022] };
const date = new Date(2025, 0, 31, 12, 0, 0);
const url = 'https://example.org/?level=kommun&indicator=kolada-n66077&year=2022';

describe('csvField(value)', () => {
  it.each([
    ['plain', 'Ale', 'Ale'],
    ['empty', '', ''],
    ['comma', 'Malung-Sälen, Dalarna', '"Malung-Sälen, Dalarna"'],
    ['quote', 'Det "goda" livet', '"Det ""goda"" livet"'],
    ['line break', 'rad 1\nrad 2', '"rad 1\nrad 2"'],
    ['carriage return', 'a\rb', '"a\rb"'],
    ['HTML stays text', '<b>Borås</b> & co', '<b>Borås</b> & co'],
  ])('%s', (_, input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('isoDate(date)', () => {
  it('writes the local calendar day with zero padding', () => {
    expect(isoDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

describe('tableCsv(rows, meta, viewUrl, lang, date)', () => {
  const rows: CsvRow[] = [
    { code: '1480', name: 'Göteborg', year: 2022, value: 17.3 },
    { code: '0000', name: 'Komma, "citat" <i>och</i> HTML', year: 2022, value: -1.5 },
    { code: '2584', name: 'Kiruna', year: 2022, value: null },
  ];

  it('writes the Swedish header block, column names and RFC 4180 rows with CRLF', () => {
    expect(tableCsv(rows, meta, url, 'sv', date)).toBe(
      [
        '# Indikator: Låg ekonomisk standard 0–19 år, andel (%)',
        '# Källa: Kolada (RKA), https://www.kolada.se',
        '# Licens: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/',
        `# Vy: ${url}`,
        '# Hämtad: 2025-01-31',
        `# Källhänvisning: RKA. Låg ekonomisk standard 0–19 år, andel (%), 2011–2022. Kolada. Bearbetat i Klyftkartan. ${url} (hämtad 2025-01-31).`,
        'kod,namn,år,värde,enhet',
        '1480,Göteborg,2022,17.3,%',
        '0000,"Komma, ""citat"" <i>och</i> HTML",2022,-1.5,%',
        '2584,Kiruna,2022,,%',
        '',
      ].join('\r\n'),
    );
  });

  it('writes English labels, indicator name and unit in en', () => {
    const lines = tableCsv(rows.slice(0, 1), { indicator: { ...indicator, unit: 'years' }, source }, url, 'en', date).split('\r\n');
    expect(lines.slice(0, 7)).toEqual([
      '# Indicator: Low economic standard aged 0–19 (%)',
      '# Source: Kolada (RKA), https://www.kolada.se',
      '# Licence: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/',
      `# View: ${url}`,
      '# Retrieved: 2025-01-31',
      expect.stringMatching(/^# Cite as: RKA\. Low economic standard aged 0–19 \(%\)\. .*Processed in Klyftkartan\. .* \(retrieved 2025-01-31\)\.$/),
      'code,name,year,value,unit',
    ]);
    expect(lines[7]).toBe('1480,Göteborg,2022,17.3,years');
  });

  it('keeps a header value on one line and marks an unknown source', () => {
    const odd = { ...indicator, name: { sv: 'Två\nrader', en: 'x' } };
    const lines = tableCsv([], { indicator: odd, source: undefined }, url, 'sv', date).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['# Indikator: Två rader', '# Källa: –', '# Licens: –']);
    expect(lines[6]).toBe('kod,namn,år,värde,enhet');
    expect(lines).toHaveLength(8);
  });
});

describe('yearSpan(years)', () => {
  it.each([
    [[2011, 2015, 2022], '2011–2022'],
    [[2022], '2022'],
    [[], ''],
    [undefined, ''],
  ])('%j → %s', (years, expected) => {
    expect(yearSpan(years)).toBe(expected);
  });
});

describe('citeText(meta, viewUrl, lang, date)', () => {
  it('names publisher, indicator, years, source, URL and date in Swedish', () => {
    expect(citeText(meta, url, 'sv', date)).toBe(
      `RKA. Låg ekonomisk standard 0–19 år, andel (%), 2011–2022. Kolada. Bearbetat i Klyftkartan. ${url} (hämtad 2025-01-31).`,
    );
  });

  it('in English', () => {
    expect(citeText(meta, url, 'en', date)).toBe(
      `RKA. Low economic standard aged 0–19 (%), 2011–2022. Kolada. Processed in Klyftkartan. ${url} (retrieved 2025-01-31).`,
    );
  });

  it('leaves out missing years and source without stray punctuation', () => {
    expect(citeText({ indicator, source: undefined }, url, 'sv', date)).toBe(
      `Klyftkartan. Låg ekonomisk standard 0–19 år, andel (%). Bearbetat i Klyftkartan. ${url} (hämtad 2025-01-31).`,
    );
  });
});

describe('sourceText(source, lang) and licenceText(source, lang)', () => {
  const scb: SourceMeta = {
    id: 'scb',
    name: { sv: 'SCB Statistikdatabasen', en: 'Statistics Sweden database' },
    publisher: { sv: 'SCB (Statistiska centralbyrån)', en: 'Statistics Sweden (SCB)' },
    licence: { sv: 'Öppna data', en: 'Open data' },
    licenceUrl: 'https://example.org/licence',
    url: 'https://www.scb.se',
    attribution: { sv: 'Källa: SCB', en: 'Source: Statistics Sweden' },
  };

  it('names the source, publisher and licence in the reader’s language', () => {
    expect(sourceText(scb, 'sv')).toBe('SCB Statistikdatabasen (SCB (Statistiska centralbyrån)), https://www.scb.se');
    expect(sourceText(scb, 'en')).toBe('Statistics Sweden database (Statistics Sweden (SCB)), https://www.scb.se');
    expect(licenceText(scb, 'sv')).toBe('Öppna data, https://example.org/licence');
    expect(licenceText(scb, 'en')).toBe('Open data, https://example.org/licence');
  });

  it('writes a dash without a source', () => {
    expect(sourceText(undefined, 'en')).toBe('–');
    expect(licenceText(undefined, 'en')).toBe('–');
  });
});
