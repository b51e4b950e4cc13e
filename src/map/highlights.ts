/** Which areas the map outlines and labels: the hovered, the selected and a story scene's emphasised ones. */

/** The highlighted areas of a level (indices into its areas); setters report whether anything changed. */
export class Highlights {
  hovered: number | null = null;
  selected: number | null = null;
  emphasised: readonly number[] = [];

  /** Sets the hovered and selected areas; true if either changed. */
  set(hovered: number | null, selected: number | null): boolean {
    if (hovered === this.hovered && selected === this.selected) return false;
    this.hovered = hovered;
    this.selected = selected;
    return true;
  }

  /** Sets the emphasised areas, dropping repeats and indices outside `0..count-1`; true if they changed. */
  emphasise(indices: readonly number[], count: number): boolean {
    const valid = [...new Set(indices)].filter((i) => Number.isInteger(i) && i >= 0 && i < count);
    if (valid.length === this.emphasised.length && valid.every((v, i) => v === this.emphasised[i])) return false;
    this.emphasised = valid;
    return true;
  }

  /** Nothing highlighted (a new level). */
  clear(): void {
    this.hovered = null;
    this.selected = null;
    this.emphasised = [];
  }
}
