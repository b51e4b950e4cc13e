/**
 * What <klyft-map> needs only in the change view (mode="change"): the change legend, the
 * diverging scale and the change overview. Loaded on demand, so a level map does not carry it.
 */
import '../components/klyft-change-legend';

export { buildChangeScale, fillChangeColors } from '../scales/diverging';
export { changeOverview } from '../state/gap-view';
