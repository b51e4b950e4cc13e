/**
 * The house rules of STYLE.md, checked on the import graph: the pure core imports no UI, no UI
 * strings and no rendering libraries, and no module imports itself round a circle.
 */
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './import-graph';

const graph = importGraph();

/** The pure core: it runs in Node and in a Web Worker unchanged. src/app is the app controller without its UI. */
const CORE = ['data/', 'stats/', 'scales/', 'state/', 'app/'];

/** What the core must not import: rendering libraries, UI strings and wording, elements. */
const FORBIDDEN_PACKAGES = [/^lit(\/|$)/, /^maplibre-gl(\/|$)/, /^@deck\.gl\//, /^@luma\.gl\//];
const FORBIDDEN_FOLDERS = ['i18n/', 'format/', 'components/', 'features/', 'embed/', 'map/'];

/** Known exceptions (none: the core words nothing; src/i18n words its facts). */
const CORE_EXCEPTIONS = new Set<string>([]);

/** Known cycles: none (the import helper, issue 11, moved the worker's shared types to import-protocol.ts). */
const CYCLE_EXCEPTIONS = new Set<string>();

describe('the import graph of src/', () => {
  it('is read: every relative import resolves to a file', () => {
    expect(graph.length).toBeGreaterThan(300);
    expect(graph.filter((e) => e.specifier.startsWith('.') && e.to === null).map((e) => `${e.from} -> ${e.specifier}`)).toEqual([]);
  });

  it('keeps the pure core free of lit, maplibre, deck.gl, UI strings, formatting and elements', () => {
    const violations = graph
      .filter((e) => CORE.some((folder) => e.from.startsWith(folder)))
      .filter((e) => (e.to ? FORBIDDEN_FOLDERS.some((folder) => e.to!.startsWith(folder)) : FORBIDDEN_PACKAGES.some((p) => p.test(e.specifier))))
      .map((e) => `${e.from} -> ${e.to ?? e.specifier}`)
      .filter((edge) => !CORE_EXCEPTIONS.has(edge));
    expect(violations).toEqual([]);
  });

  it('has no import cycles (type-only and dynamic imports included)', () => {
    const found = cycles(graph.filter((e): e is typeof e & { to: string } => e.to !== null))
      .map((component) => component.join(','))
      .filter((component) => !CYCLE_EXCEPTIONS.has(component));
    expect(found).toEqual([]);
  });

  it('points one way between folders too (shell → features → embed → components → app → state → core; type-only imports included)', () => {
    const folder = (file: string) => file.split('/').slice(0, -1).join('/') || '.';
    const edges = graph
      .filter((e): e is typeof e & { to: string } => e.to !== null)
      .map((e) => ({ from: folder(e.from), to: folder(e.to), edge: `${e.from} -> ${e.to}` }))
      .filter((e) => e.from !== e.to && !CORE_EXCEPTIONS.has(e.edge));
    expect(cycles(edges)).toEqual([]);
  });

  it('finds a cycle when there is one, and none in a chain (the cycle checks can fail)', () => {
    expect(
      cycles([
        { from: 'a.ts', to: 'b.ts' },
        { from: 'b.ts', to: 'c.ts' },
        { from: 'c.ts', to: 'a.ts' },
        { from: 'c.ts', to: 'd.ts' },
      ]),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(
      cycles([
        { from: 'a.ts', to: 'b.ts' },
        { from: 'b.ts', to: 'c.ts' },
      ]),
    ).toEqual([]);
  });
});
