/**
 * The words for what the pure core reports as kinds and numbers: notices from view corrections
 * and URL problems, and the map's sentence on highlighted areas.
 */
import type { Lang } from '../data/types';
import type { NoticeFact, UrlReport } from '../state/corrections';
import { levelLabel } from '../state/app-data';
import type { Notice } from '../state/notices';
import type { UrlProblem } from '../state/url-codec';
import { fill, strings } from './index';

/** A view correction's notice in the reader's language. */
export function noticeText(fact: NoticeFact, lang: Lang): Notice {
  const t = strings(lang).notices;
  switch (fact.id) {
    case 'area-missing':
      return { id: fact.id, text: fill(t.areaMissing, { value: fact.code }), tone: 'warning' };
    case 'highlight-missing': {
      const text =
        fact.codes.length === 1
          ? fill(t.highlightMissing, { value: fact.codes[0]! })
          : fill(t.highlightMissingMany, { value: fact.codes.map((code) => `"${code}"`).join(', ') });
      return { id: fact.id, text, tone: 'warning' };
    }
    case 'single-year':
      return { id: fact.id, text: fill(t.singleYear, { indicator: fact.indicator.name[lang], year: fact.year }), tone: 'info' };
    case 'no-data':
      return {
        id: fact.id,
        tone: 'warning',
        text: `${fill(t.noDataAtLevel, { indicator: fact.indicator.name[lang], level: levelLabel(fact.level, lang) })} ${t.noDataOffer}`,
        actions: [
          ...fact.here.map(({ indicator, year }) => ({ label: indicator.short[lang], intent: { indicator: indicator.id, year } })),
          ...fact.elsewhere.map(({ level, year }) => ({ label: levelLabel(level, lang), intent: { level: level.id, year } })),
        ],
      };
  }
}

/** One URL problem's notice: an unknown parameter, a value adjusted, or one that fell back (or had no fallback). */
function urlProblemNotice(problem: UrlProblem, index: number, lang: Lang): Notice {
  const t = strings(lang).notices;
  const values = { param: problem.param, value: problem.value, used: problem.used ?? '' };
  const template = problem.kind === 'unknown' ? t.unknown : problem.kind === 'adjusted' ? t.adjusted : problem.used ? t.invalid : t.invalidNoFallback;
  return { id: `url-${index}-${problem.param}`, text: fill(template, values), tone: problem.kind === 'adjusted' ? 'info' : 'warning' };
}

/** The notices about a URL (ids start with `url-`): its problems, then the user's data this browser lacks. */
export function urlNotices(report: UrlReport, lang: Lang): Notice[] {
  const t = strings(lang).import;
  const notices = report.problems.map((p, i) => urlProblemNotice(p, i, lang));
  if (report.missingDataset !== null) notices.push({ id: 'url-user-missing', text: t.missingDataset, tone: 'warning' });
  if (report.missingLevel !== null) notices.push({ id: 'url-user-level-missing', text: t.missingLevel, tone: 'warning' });
  return notices;
}

/** " Markerade: A, B." for the map's accessible name when areas are highlighted, or ''. */
export function highlightSentence(names: readonly string[], lang: Lang): string {
  return names.length > 0 ? ` ${fill(strings(lang).presenter.highlighted, { names: names.join(', ') })}` : '';
}
