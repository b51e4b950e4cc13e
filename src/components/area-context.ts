/**
 * The context of an area's value: how an estimated area was made from DeSO (basis/<level>.json),
 * whether its age structure makes the rate misleading (the share aged 20–24), and whether the gap
 * measures leave it out. A reactive controller loads the two files lazily (through
 * src/data/load.ts); the area panel words every caveat (renderAreaNotes), the table and the hover
 * tip mark the ones that matter in a list of all areas (marksByCode, markLines).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { loadJson, loadValues } from '../data/load';
import type { Catalogue, EstimateBasisFile, IndicatorMeta, IndicatorValues, LevelId, Localized } from '../data/types';
import { formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { areaCaveats, markedCaveats, SWEDEN_SHARE_20_24, type AreaCaveat } from '../stats/caveats';

/** Where the panel finds the files of the area's level. */
export interface AreaContext {
  catalogue: Catalogue | null;
  level: LevelId;
  /** Base URL of the data folder. */
  dataBase: string;
}

/** The catalogue id of the share aged 20–24 (scripts/scb-deso.ts). */
export const STUDENT_SHARE_INDICATOR = 'scb-deso-age-20-24';

/** Loaded files by URL: each is fetched once per page; a failed load is simply no caveat. */
const loads = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T | null> {
  let p = loads.get(key) as Promise<T | null> | undefined;
  if (!p) {
    p = load().catch(() => null);
    loads.set(key, p);
  }
  return p;
}

/** Where the controller reads the level and the indicator on each update of its host. */
export type AreaContextSource = () => { context: AreaContext | null; indicator: IndicatorMeta | null | undefined };

/** What the table and the hover tip mark beside an area's value. */
export interface AreaMarks {
  /** The caveats worth a mark (see markedCaveats). */
  caveats: AreaCaveat[];
  /** The gap measures leave the area out. */
  excluded: boolean;
}

/** The marks of a level's areas for one indicator. */
export interface LevelMarks {
  /** The areas with a mark, by code. */
  byCode: ReadonlyMap<string, AreaMarks>;
  /** Why the gap measures leave areas out (the level's note), or null. */
  excludedNote: Localized | null;
}

/** Loads the basis and the share aged 20–24 of the source's level when they apply, and asks the host for an update. */
export class AreaContextController implements ReactiveController {
  private basis: EstimateBasisFile | null = null;
  private share: IndicatorValues | null = null;
  private key = '';
  private marks: { codes: readonly string[]; indicator: IndicatorMeta; basis: unknown; share: unknown; value: LevelMarks } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: AreaContextSource,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { context, indicator } = this.source();
    const catalogue = context?.catalogue;
    if (!context || !catalogue) return;
    const level = catalogue.levels.find((l) => l.id === context.level);
    const basisFile = level?.estimateBasis;
    const shareFile =
      indicator?.ageCaveat === 'students' ? catalogue.indicators.find((i) => i.id === STUDENT_SHARE_INDICATOR)?.levels[context.level]?.file : undefined;
    const key = `${context.dataBase}|${basisFile ?? ''}|${shareFile ?? ''}`;
    if (key === this.key) return;
    this.key = key;
    this.basis = null;
    this.share = null;
    const settle =
      <T>(apply: (value: T | null) => void) =>
      (value: T | null) => {
        if (this.key !== key) return;
        apply(value);
        this.host.requestUpdate();
      };
    if (basisFile) {
      void once(`${context.dataBase}${basisFile}`, () => loadJson<EstimateBasisFile>(context.dataBase, basisFile)).then(
        settle<EstimateBasisFile>((b) => (this.basis = b)),
      );
    }
    if (shareFile) {
      void once(`${context.dataBase}${shareFile}`, () => loadValues(context.dataBase, shareFile)).then(settle<IndicatorValues>((v) => (this.share = v)));
    }
  }

  /** The caveats on an area's value for an indicator. */
  caveats(code: string, indicator: IndicatorMeta): AreaCaveat[] {
    const share = this.share;
    const column = share ? share.codes.indexOf(code) : -1;
    const value = share && column >= 0 ? share.values[share.values.length - 1]?.[column] : null;
    return areaCaveats(indicator, value ?? null, this.basis?.areas[code] ?? null);
  }

  /** Why the gap measures leave the area out, or null. */
  excludedNote(code: string): Localized | null {
    const excluded = this.gapExcluded();
    return excluded?.codes.includes(code) ? excluded.note : null;
  }

  /** The marks of the areas `codes` for an indicator; the same object until the codes, the indicator or a loaded file change. */
  marksByCode(codes: readonly string[], indicator: IndicatorMeta): LevelMarks {
    const { basis, share } = this;
    const memo = this.marks;
    if (memo && memo.codes === codes && memo.indicator === indicator && memo.basis === basis && memo.share === share) return memo.value;
    const excluded = this.gapExcluded();
    const byCode = new Map<string, AreaMarks>();
    for (const code of codes) {
      const caveats = markedCaveats(this.caveats(code, indicator));
      const out = excluded?.codes.includes(code) ?? false;
      if (caveats.length > 0 || out) byCode.set(code, { caveats, excluded: out });
    }
    const value = { byCode, excludedNote: excluded?.note ?? null };
    this.marks = { codes, indicator, basis, share, value };
    return value;
  }

  private gapExcluded() {
    const context = this.source().context;
    return context?.catalogue?.levels.find((l) => l.id === context.level)?.gapExcluded ?? null;
  }
}

/** One short line per mark of an area (the hover tip, the table cell's text for screen readers). */
export function markLines(marks: AreaMarks | undefined, lang: Lang): string[] {
  if (!marks) return [];
  const t = strings(lang).detail;
  const percent = (v: number) => formatValue(v, 'percent', lang, 0);
  const lines = marks.caveats.map((c) =>
    c.kind === 'students' ? fill(t.markStudents, { share: percent(c.share) }) : fill(t.markEstimate, { share: percent(100 * c.basis.splitShare) }),
  );
  return marks.excluded ? [...lines, t.notInGap] : lines;
}

/** The caveats as notes under the area's value. */
export function renderAreaNotes(caveats: readonly AreaCaveat[], excluded: Localized | null, lang: Lang): TemplateResult {
  const t = strings(lang).detail;
  const percent = (v: number) => formatValue(v, 'percent', lang, 0);
  return html`
    ${caveats.map((c) =>
      c.kind === 'students'
        ? html`<div class="caveat" role="note">
            <p><strong>${t.studentsTitle}:</strong> ${fill(t.students, { share: percent(c.share), sweden: formatValue(SWEDEN_SHARE_20_24, 'percent', lang, 1) })}</p>
          </div>`
        : html`<div class="caveat basis" role="note">
            <p>
              ${c.basis.uncertain ? html`<strong>${t.estimateUncertain}:</strong>` : nothing}
              ${fill(t.estimateBasis, { deso: c.basis.deso, split: c.basis.split, share: percent(100 * c.basis.splitShare) })}
            </p>
            ${c.basis.split > 0 ? html`<p>${t.estimateHelp}</p>` : nothing}
          </div>`,
    )}
    ${excluded ? html`<div class="caveat basis" role="note"><p><strong>${t.notInGap}:</strong> ${excluded[lang]}</p></div>` : nothing}
  `;
}
