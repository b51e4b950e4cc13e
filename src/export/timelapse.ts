/**
 * Time-lapse video of a scene's years: each year's map is composited with the year, the legend
 * and the caption onto a 1280×720 (or larger) frame, and the frames are played onto a canvas
 * recorded with MediaRecorder as WebM. Frames are prepared first and played afterwards, so
 * slow map rendering (software WebGL) never stretches a year in the film.
 */

/** One legend row. */
export interface FrameLegendEntry {
  color: string;
  label: string;
}

/** What one frame shows besides the map. */
export interface FrameText {
  title: string;
  year: string;
  caption: string;
  legendTitle: string;
  legend: readonly FrameLegendEntry[];
  source: string;
}

/** Frame size: 1280×720 at least, 16:9. */
export const FRAME_WIDTH = 1280;
export const FRAME_HEIGHT = 720;
/** Frames per second written to the stream. */
export const FRAME_RATE = 30;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Splits text into lines that fit `width` with the context's current font. */
export function wrapLines(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws one frame: the map fitted (contained) on white, the title and year top left, the legend right, the caption in a dark band. */
export function composeFrame(
  ctx: CanvasRenderingContext2D,
  map: CanvasImageSource & { width: number; height: number },
  text: FrameText,
  width = FRAME_WIDTH,
  height = FRAME_HEIGHT,
): void {
  const unit = height / 720;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const scale = Math.min(width / map.width, height / map.height);
  const w = map.width * scale;
  const h = map.height * scale;
  ctx.drawImage(map, (width - w) / 2, (height - h) / 2, w, h);

  // Title (up to two lines) and year, top left on a white panel.
  ctx.textBaseline = 'top';
  ctx.font = `600 ${22 * unit}px ${FONT}`;
  const wrapped = wrapLines((t) => ctx.measureText(t).width, text.title, width * 0.4);
  const titleLines = wrapped.length > 2 ? [wrapped[0]!, `${wrapped[1]!.replace(/[,;:]$/, '')} …`] : wrapped;
  const titleWidth = Math.max(0, ...titleLines.map((line) => ctx.measureText(line).width));
  const titleH = titleLines.length * 28 * unit;
  ctx.fillStyle = 'rgb(255 255 255 / 0.92)';
  ctx.fillRect(16 * unit, 16 * unit, Math.max(titleWidth, 180 * unit) + 32 * unit, titleH + 92 * unit);
  ctx.fillStyle = '#1a1a1a';
  titleLines.forEach((line, i) => ctx.fillText(line, 32 * unit, 28 * unit + i * 28 * unit));
  ctx.font = `700 ${64 * unit}px ${FONT}`;
  ctx.fillText(text.year, 32 * unit, 32 * unit + titleH);

  // Legend, top right.
  const rowH = 30 * unit;
  ctx.font = `${18 * unit}px ${FONT}`;
  const entriesWidth = Math.max(0, ...text.legend.map((e) => ctx.measureText(e.label).width + 36 * unit));
  ctx.font = `600 ${18 * unit}px ${FONT}`;
  const labelWidth = Math.max(ctx.measureText(text.legendTitle).width, entriesWidth);
  const boxW = labelWidth + 32 * unit;
  const boxX = width - boxW - 16 * unit;
  ctx.fillStyle = 'rgb(255 255 255 / 0.92)';
  ctx.fillRect(boxX, 16 * unit, boxW, 48 * unit + rowH * text.legend.length);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `600 ${18 * unit}px ${FONT}`;
  ctx.fillText(text.legendTitle, boxX + 16 * unit, 28 * unit);
  ctx.font = `${18 * unit}px ${FONT}`;
  text.legend.forEach((entry, i) => {
    const y = 58 * unit + i * rowH;
    ctx.fillStyle = entry.color;
    ctx.fillRect(boxX + 16 * unit, y, 24 * unit, 22 * unit);
    ctx.strokeStyle = '#555';
    ctx.strokeRect(boxX + 16 * unit, y, 24 * unit, 22 * unit);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(entry.label, boxX + 52 * unit, y + 2 * unit);
  });

  // Caption in a dark band at the bottom (white on near-black: contrast well above 7:1).
  ctx.font = `${26 * unit}px ${FONT}`;
  const lines = text.caption ? wrapLines((s) => ctx.measureText(s).width, text.caption, width - 96 * unit).slice(0, 4) : [];
  const lineH = 34 * unit;
  const bandH = lines.length * lineH + 56 * unit;
  ctx.fillStyle = 'rgb(0 0 0 / 0.85)';
  ctx.fillRect(0, height - bandH, width, bandH);
  ctx.fillStyle = '#ffffff';
  lines.forEach((line, i) => ctx.fillText(line, 48 * unit, height - bandH + 16 * unit + i * lineH));
  ctx.font = `${14 * unit}px ${FONT}`;
  ctx.fillStyle = '#e0e0e0';
  ctx.fillText(text.source, 48 * unit, height - 26 * unit, width - 96 * unit);
}

/** The WebM type this browser records, or null when it cannot record WebM. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

/**
 * Records prepared frames as WebM, each held for `secondsPerFrame`. The frame is redrawn at the
 * stream's rate so the recorder keeps writing while a frame holds (a still canvas emits nothing,
 * and the film would end early).
 */
export async function recordFrames(frames: readonly CanvasImageSource[], secondsPerFrame: number, width = FRAME_WIDTH, height = FRAME_HEIGHT): Promise<Blob> {
  const type = webmType();
  if (!type) throw new Error('MediaRecorder with WebM is not supported in this browser');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const stream = canvas.captureStream(FRAME_RATE);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  let current: CanvasImageSource | undefined = frames[0];
  const draw = () => {
    if (current) ctx.drawImage(current, 0, 0, width, height);
  };
  draw();
  recorder.start(1000);
  const timer = setInterval(draw, 1000 / FRAME_RATE);
  const start = performance.now();
  for (let i = 0; i < frames.length; i++) {
    current = frames[i];
    draw();
    // Wait until this frame's end on the clock, so delays do not add up over the years.
    const end = start + (i + 1) * secondsPerFrame * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, end - performance.now())));
  }
  clearInterval(timer);
  recorder.stop();
  await stopped;
  stream.getTracks().forEach((track) => track.stop());
  return new Blob(chunks, { type: 'video/webm' });
}
