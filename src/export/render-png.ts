/**
 * The PNG download: the map image composed with title, year, legend, summary, source and licence
 * on one canvas, at presentation size (≥ 1600 CSS px wide) and 2× pixel density.
 */

/** One legend row: swatch colour and label. */
export interface PngLegendEntry {
  color: string;
  label: string;
}

/** Everything burned into the image. */
export interface PngOptions {
  /**
   * The map as drawn (basemap and choropleth composed), e.g. from MapController.captureCanvas:
   * a WebGL canvas is empty outside its frame unless read in the same task it was drawn in.
   */
  mapImage: CanvasImageSource & { width: number; height: number };
  /** Indicator name. */
  title: string;
  /** The year or period, e.g. "2022" or "2011–2022". */
  years: string;
  /** Division, e.g. "Sverige · kommuner". */
  subtitle?: string;
  legendTitle: string;
  legend: readonly PngLegendEntry[];
  /** The one-sentence summary, when the view has one. */
  summary?: string | null;
  /** e.g. "Källa: Kolada (RKA), SCB". */
  source: string;
  /** e.g. "Licens: CC BY 4.0". */
  licence: string;
  /** The view's URL, printed small at the bottom. */
  url?: string;
  /** Width in CSS pixels (at least 1600). */
  width?: number;
  /** Pixel density (at least 2). */
  scale?: number;
  font?: string;
}

const INK = '#1a1a1a';
const MUTED = '#444444';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Splits text into lines no wider than `maxWidth` with the context's current font. */
export function wrapText(measure: (text: string) => number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Composes the image and encodes it as PNG. */
export async function renderPng(options: PngOptions): Promise<Blob> {
  const width = Math.max(1600, options.width ?? 1600);
  const scale = Math.max(2, options.scale ?? 2);
  const font = options.font ?? FONT;
  const pad = 48;
  const legendWidth = 420;
  const mapBoxWidth = width - pad * 3 - legendWidth;
  const aspect = options.mapImage.height / Math.max(1, options.mapImage.width);
  const mapWidth = Math.min(mapBoxWidth, 1100 / aspect);
  const mapHeight = mapWidth * aspect;

  // Measure with a scratch context first, so the canvas is created at its final height.
  const scratch = new OffscreenCanvas(1, 1).getContext('2d')!;
  const measureWith = (f: string) => (text: string) => {
    scratch.font = f;
    return scratch.measureText(text).width;
  };
  const titleFont = `700 40px ${font}`;
  const subFont = `400 24px ${font}`;
  const bodyFont = `400 24px ${font}`;
  const smallFont = `400 18px ${font}`;
  const titleLines = wrapText(measureWith(titleFont), `${options.title} · ${options.years}`, width - pad * 2);
  const summaryLines = options.summary ? wrapText(measureWith(bodyFont), options.summary, width - pad * 2) : [];
  const legendLines = options.legend.map((e) => wrapText(measureWith(bodyFont), e.label, legendWidth - 56));
  const legendHeight = 40 + legendLines.reduce((sum, lines) => sum + Math.max(36, lines.length * 30) + 10, 0);
  const headHeight = pad + titleLines.length * 50 + (options.subtitle ? 36 : 0) + 16;
  const bodyHeight = Math.max(mapHeight, legendHeight);
  const summaryHeight = summaryLines.length ? summaryLines.length * 34 + 16 : 0;
  const footHeight = 30 * (options.url ? 3 : 2) + pad;
  const height = Math.ceil(headHeight + bodyHeight + 24 + summaryHeight + footHeight);

  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';

  let y = pad;
  ctx.fillStyle = INK;
  ctx.font = titleFont;
  for (const line of titleLines) {
    ctx.fillText(line, pad, y);
    y += 50;
  }
  if (options.subtitle) {
    ctx.font = subFont;
    ctx.fillStyle = MUTED;
    ctx.fillText(options.subtitle, pad, y);
    y += 36;
  }
  y += 16;

  const bodyTop = y;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(options.mapImage, pad, bodyTop, mapWidth, mapHeight);
  ctx.strokeStyle = '#d6d6d6';
  ctx.lineWidth = 1;
  ctx.strokeRect(pad + 0.5, bodyTop + 0.5, mapWidth - 1, mapHeight - 1);

  let ly = bodyTop;
  const lx = pad * 2 + mapBoxWidth;
  ctx.fillStyle = INK;
  ctx.font = `700 26px ${font}`;
  for (const line of wrapText(measureWith(ctx.font), options.legendTitle, legendWidth)) {
    ctx.fillText(line, lx, ly);
    ly += 34;
  }
  ly += 6;
  ctx.font = bodyFont;
  options.legend.forEach((entry, i) => {
    const lines = legendLines[i] ?? [entry.label];
    ctx.fillStyle = entry.color;
    ctx.fillRect(lx, ly, 40, 28);
    ctx.strokeStyle = '#6b6b6b';
    ctx.strokeRect(lx + 0.5, ly + 0.5, 39, 27);
    ctx.fillStyle = INK;
    lines.forEach((line, j) => ctx.fillText(line, lx + 56, ly + 2 + j * 30));
    ly += Math.max(36, lines.length * 30) + 10;
  });

  y = bodyTop + bodyHeight + 24;
  ctx.font = bodyFont;
  ctx.fillStyle = INK;
  for (const line of summaryLines) {
    ctx.fillText(line, pad, y);
    y += 34;
  }
  if (summaryLines.length) y += 16;
  ctx.font = smallFont;
  ctx.fillStyle = MUTED;
  for (const line of [options.source, options.licence, options.url].filter((l): l is string => Boolean(l))) {
    ctx.fillText(line, pad, y, width - pad * 2);
    y += 30;
  }

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
