/**
 * Pointer input on the map: maplibre's mouse events (it owns the pointer) turned into the area
 * under the pointer, by a point-in-path test on the canvas's own paths.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';

/** Where hover and clicks go. */
export interface PickHandlers {
  /** Pointer moved onto another area (index) or off the areas (null); pixel relative to the map. */
  onHover?: (index: number | null, pixel: { x: number; y: number } | null) => void;
  /** Click on an area (index) or on empty map (null). */
  onSelect?: (index: number | null) => void;
}

/** Hover and click picking on a maplibre map; listeners are added and removed as pairs. */
export class PointerPicking {
  private lastHover: number | null = null;

  /** `pick` finds the area at a point in CSS pixels; `handlers` is read on every event (it may be replaced). */
  constructor(
    private readonly pick: (x: number, y: number) => number | null,
    private readonly handlers: () => PickHandlers,
  ) {}

  /** Starts listening to the map's pointer events. */
  listen(map: MapLibreMap): void {
    map.on('mousemove', this.handleMouseMove);
    map.on('mouseout', this.handleMouseOut);
    map.on('click', this.handleClick);
  }

  /** Stops listening (the pairs of `listen`). */
  unlisten(map: MapLibreMap): void {
    map.off('mousemove', this.handleMouseMove);
    map.off('mouseout', this.handleMouseOut);
    map.off('click', this.handleClick);
  }

  /** Forgets the hovered area (a new level). */
  reset(): void {
    this.lastHover = null;
  }

  private readonly handleMouseMove = (event: MapMouseEvent): void => {
    const { x, y } = event.point;
    const index = this.pick(x, y);
    if (index === this.lastHover) {
      if (index !== null) this.handlers().onHover?.(index, { x, y });
      return;
    }
    this.lastHover = index;
    this.handlers().onHover?.(index, index === null ? null : { x, y });
  };

  private readonly handleMouseOut = (): void => {
    if (this.lastHover === null) return;
    this.lastHover = null;
    this.handlers().onHover?.(null, null);
  };

  private readonly handleClick = (event: MapMouseEvent): void => {
    this.handlers().onSelect?.(this.pick(event.point.x, event.point.y));
  };
}
