/**
 * A chart's SVG as a standalone file: the chart's fills, strokes and fonts come from CSS in its
 * shadow root, which a saved file would lose, so computed styles are written onto the copy.
 */
import { wrapText } from './render-png';

/** Presentation properties copied from the computed style of every element. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Text framed around the chart in the file: a title and lines above it, source lines below. */
export interface ChartSvgFrame {
  /** e.g. the indicator's name. */
  title: string;
  /** Lines under the title: what the chart shows, its unit, the division. */
  subtitle?: readonly string[];
  /** Lines under the chart: source, licence, the view's URL. */
  footer: readonly string[];
  /** Document language of the file (xml:lang). */
  lang?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const INK = '#1a1a1a';
const MUTED = '#444444';
const PAD = 16;

/** `svg` with its computed presentation styles written inline and classes dropped. */
function styledCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((element, i) => {
    const target = copies[i];
    if (!target) return;
    const computed = getComputedStyle(element);
    const declarations = STYLE_PROPERTIES.map((name) => [name, computed.getPropertyValue(name)] as const)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `${name}:${value}`);
    target.setAttribute('style', declarations.join(';'));
    target.removeAttribute('class');
  });
  // Event handlers and ARIA of the live chart mean nothing in a file.
  copy.removeAttribute('aria-describedby');
  return copy;
}

/**
 * Serialises `svg` as a standalone file: inlined computed styles, an xmlns, explicit size, a white
 * background and, with `frame`, a <title>, the title and subtitle lines above the chart and the
 * source lines below it (wrapped to the chart's width).
 */
export function chartSvg(svg: SVGSVGElement, frame?: ChartSvgFrame): string {
  const copy = styledCopy(svg);
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width') ?? Math.round(box.width));
  const height = Number(svg.getAttribute('height') ?? Math.round(box.height));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (!frame) {
    copy.setAttribute('xmlns', SVG_NS);
    copy.insertBefore(background(), copy.firstChild);
    return serialise(copy);
  }

  const font = getComputedStyle(svg).fontFamily || 'system-ui, sans-serif';
  const outerWidth = Math.max(width + 2 * PAD, 360);
  const textWidth = outerWidth - 2 * PAD;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  if (frame.lang) root.setAttribute('xml:lang', frame.lang);
  root.setAttribute('role', 'img');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = frame.title;
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.textContent = [...(frame.subtitle ?? []), ...frame.footer].join('\n');
  root.append(title, desc, background());

  let y = PAD;
  const block = (text: string, size: number, weight: number, color: string): void => {
    for (const line of wrap(text, `${weight} ${size}px ${font}`, textWidth)) {
      y += size * 1.25;
      const node = document.createElementNS(SVG_NS, 'text');
      node.setAttribute('x', String(PAD));
      node.setAttribute('y', String(Math.round(y - size * 0.25)));
      node.setAttribute('style', `font-family:${font};font-size:${size}px;font-weight:${weight};fill:${color}`);
      node.textContent = line;
      root.append(node);
    }
  };
  block(frame.title, 18, 700, INK);
  for (const line of frame.subtitle ?? []) block(line, 13, 400, MUTED);
  y += 8;
  copy.setAttribute('x', String(PAD));
  copy.setAttribute('y', String(y));
  root.append(copy);
  y += height + 8;
  for (const line of frame.footer) block(line, 11, 400, MUTED);
  y += PAD;
  const outerHeight = Math.ceil(y);
  root.setAttribute('width', String(outerWidth));
  root.setAttribute('height', String(outerHeight));
  root.setAttribute('viewBox', `0 0 ${outerWidth} ${outerHeight}`);
  return serialise(root);
}

function background(): SVGRectElement {
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', '#ffffff');
  return rect;
}

function serialise(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Lines of `text` no wider than `maxWidth` in `font` (measured on a scratch canvas). */
function wrap(text: string, font: string, maxWidth: number): string[] {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return [text];
  context.font = font;
  const measure = (t: string) => context.measureText(t).width;
  // A word wider than the line (a URL) is cut where it must be.
  return wrapText(measure, text, maxWidth).flatMap((line) => (measure(line) <= maxWidth ? [line] : cut(line, measure, maxWidth)));
}

/** `text` in pieces no wider than `maxWidth`, cut between characters. */
function cut(text: string, measure: (t: string) => number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of text) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
