import { describe, expect, it } from 'vitest';
import type { LevelId } from '../../src/data/types';
import { appUrlFor, elementSnippet, iframeSnippet, parseControls, urlParamOf, viewFromAttributes } from '../../src/embed/embed-view';
import type { UrlContext } from '../../src/state/url-codec';
import { DEFAULT_VIEW, type ViewState } from '../../src/state/view-state';

const context: UrlContext = {
  levels: ['kommun', 'gbg-primaromrade'],
  indicatorYears(indicator: string, level: LevelId) {
    const table: Record<string, Partial<Record<LevelId, number[]>>> = {
      'kolada-n66077': { kommun: [2011, 2012, 2022] },
      'kolada-n00923': { kommun: [2000, 2010, 2022] },
    };
    const entry = table[indicator];
    return entry ? (entry[level] ?? []) : undefined;
  },
};

describe('parseControls(value)', () => {
  it.each([
    ['slider', 'slider'],
    ['none', 'none'],
    ['full', 'full'],
    [null, 'full'],
    ['bogus', 'full'],
  ] as const)('%s → %s', (value, expected) => {
    expect(parseControls(value)).toBe(expected);
  });
});

describe('viewFromAttributes(attributes, context)', () => {
  it('reads the attributes like URL parameters', () => {
    const { view, problems } = viewFromAttributes({ level: 'kommun', indicator: 'kolada-n00923', year: '2010', lang: 'en', area: '1480' }, context);
    expect(problems).toEqual([]);
    expect(view).toEqual({ ...DEFAULT_VIEW, indicator: 'kolada-n00923', year: 2010, lang: 'en', area: '1480' });
  });

  it('reads `highlight` like the URL’s `hl`: valid codes in order, invalid ones dropped and reported', () => {
    expect(urlParamOf('highlight')).toBe('hl');
    const { view, problems } = viewFromAttributes({ highlight: '1480, 1280,<b>,1480' }, context);
    expect(view.highlight).toEqual(['1480', '1280']);
    expect(problems).toEqual([{ param: 'hl', value: '<b>', kind: 'invalid' }]);
    expect(viewFromAttributes({ highlight: '' }, context).view.highlight).toEqual([]);
  });

  it('snaps a missing year and reports an unknown indicator, falling back to the default', () => {
    const { view, problems } = viewFromAttributes({ indicator: 'nope', year: '2015' }, context);
    expect(view.indicator).toBe('kolada-n66077');
    expect(view.year).toBe(2012);
    expect(problems.map((p) => `${p.param}:${p.kind}`)).toEqual(['indicator:invalid', 'year:adjusted']);
  });

  it('reads the colour attributes, `classification` standing for the URL’s `class`', () => {
    const { view, problems } = viewFromAttributes({ classification: 'jenks', k: '7', domain: 'year', rel: '1', mode: 'change' }, context);
    expect(problems).toEqual([]);
    expect(view).toEqual({ ...DEFAULT_VIEW, classification: 'jenks', classes: 7, domain: 'year', relative: true, mode: 'change' });
    expect(viewFromAttributes({ classification: 'bogus', k: '9' }, context).problems.map((p) => `${p.param}:${p.kind}`)).toEqual([
      'class:invalid',
      'k:invalid',
    ]);
  });

  it('treats empty and null attributes as absent, and shows scatter as the change map', () => {
    const { view } = viewFromAttributes({ level: '', indicator: null, mode: 'scatter' }, context);
    expect(view.level).toBe('kommun');
    expect(view.mode).toBe('change');
  });
});

const view: ViewState = { ...DEFAULT_VIEW, indicator: 'kolada-n00923', year: 2010, area: '1480', lang: 'en' };

describe('appUrlFor(dataBase, view)', () => {
  it.each([
    ['https://host/app/data/', 'https://host/app/?level=kommun&indicator=kolada-n00923&year=2010&area=1480&lang=en'],
    ['https://host/app/data', 'https://host/app/?level=kommun&indicator=kolada-n00923&year=2010&area=1480&lang=en'],
    ['https://host/data/', 'https://host/?level=kommun&indicator=kolada-n00923&year=2010&area=1480&lang=en'],
  ])('%s', (base, expected) => {
    expect(appUrlFor(base, view)).toBe(expected);
  });
});

describe('elementSnippet(view, scriptUrl, dataBase)', () => {
  it('writes the script tag and the element with the view as attributes', () => {
    expect(elementSnippet(view, 'https://host/embed/klyft-map.js')).toBe(
      '<script type="module" src="https://host/embed/klyft-map.js"></script>\n' +
        '<klyft-map level="kommun" indicator="kolada-n00923" year="2010" area="1480" lang="en"></klyft-map>',
    );
  });

  it('carries the colour settings of the view, so the element shows exactly this view', () => {
    const snippet = elementSnippet({ ...view, classification: 'equal', classes: 6, domain: 'year' }, 'x.js');
    expect(snippet).toContain(
      '<klyft-map level="kommun" indicator="kolada-n00923" year="2010" area="1480" classification="equal" k="6" domain="year" lang="en">',
    );
    expect(snippet).not.toContain(' class=');
  });

  it('adds data-base and escapes attribute values', () => {
    expect(elementSnippet({ ...DEFAULT_VIEW }, 'x.js', 'https://h/d/?a="1"&b')).toBe(
      '<script type="module" src="x.js"></script>\n' +
        '<klyft-map level="kommun" indicator="kolada-n66077" year="2022" data-base="https://h/d/?a=&quot;1&quot;&amp;b"></klyft-map>',
    );
  });
});

describe('highlighted areas in the embed codes', () => {
  const highlighted: ViewState = { ...DEFAULT_VIEW, area: '1480', highlight: ['1280', '1490'] };

  it('writes them as the element’s highlight attribute, after area', () => {
    expect(elementSnippet(highlighted, 'x.js')).toContain(
      '<klyft-map level="kommun" indicator="kolada-n66077" year="2022" area="1480" highlight="1280,1490"></klyft-map>',
    );
  });

  it('writes them as hl in the iframe’s and the app’s URL, which read back to the same view', () => {
    expect(iframeSnippet(highlighted, 'https://host/embed.html', 'T')).toContain(
      'src="https://host/embed.html?level=kommun&amp;indicator=kolada-n66077&amp;year=2022&amp;area=1480&amp;hl=1280,1490"',
    );
    expect(appUrlFor('https://host/data/', highlighted)).toBe('https://host/?level=kommun&indicator=kolada-n66077&year=2022&area=1480&hl=1280,1490');
    expect(viewFromAttributes({ area: '1480', highlight: '1280,1490' }, context).view).toEqual(highlighted);
  });
});

describe('iframeSnippet(view, embedPageUrl, title, height)', () => {
  it('points at embed.html with the view in the query string', () => {
    expect(iframeSnippet({ ...DEFAULT_VIEW }, 'https://host/embed.html', 'Karta "A"', 500)).toBe(
      '<iframe src="https://host/embed.html?level=kommun&amp;indicator=kolada-n66077&amp;year=2022" title="Karta &quot;A&quot;" width="100%" height="500" style="border:0" loading="lazy"></iframe>',
    );
  });
});
