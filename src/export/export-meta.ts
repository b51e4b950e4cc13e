/** What every download and citation names, shared by the CSV, the citation and the share dialog. */
import type { IndicatorMeta, SourceMeta } from '../data/types';

/** What the header block and the citation name. */
export interface ExportMeta {
  indicator: IndicatorMeta;
  /** The indicator's source from the catalogue, if found. */
  source: SourceMeta | undefined;
  /** Years shown, for the citation ("2011–2022"); optional. */
  years?: readonly number[];
}
