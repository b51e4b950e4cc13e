/** Runs an overlay estimate (in the import worker, or on the main thread where workers are missing). */
import { computeOverlay } from '../data/overlay';
import type { IndicatorValues } from '../data/types';
import { estimateByOverlay, type OverlayWeight } from './aggregate-import';
import type { OverlayInput } from './overlay-input';
import { progressSteps } from './progress';

/** The overlay of the input's sources on its targets and the estimates from it; progress runs 0…1 over the source areas. */
export function runOverlay(input: OverlayInput, onProgress: (fraction: number) => void): { values: IndicatorValues; weight: OverlayWeight } {
  const code = (f: GeoJSON.Feature) => String(f.properties?.code ?? '');
  const overlay = computeOverlay(input.sources, code, input.targets, code, progressSteps(onProgress));
  const targetCodes = input.targets.features.map(code);
  return estimateByOverlay(input.values, overlay, input.target, targetCodes, input.aggregation, input.population);
}
