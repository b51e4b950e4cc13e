/** What the app loads after the first map: the gap statistics and the words of their sentences. */
export { analyseViewData, buildChangeScale, changeOverview, fillChangeColors, gapOverview } from '../state/view-analysis';
export { gapWords } from '../i18n/level-nouns';
