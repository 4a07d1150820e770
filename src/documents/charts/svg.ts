/** The few SVG pieces every chart is written with. */

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** A drawn chart: its SVG and the size it takes. */
export interface DrawnChart {
  svg: string;
  width: number;
  height: number;
}

/**
 * How the <svg> sits in a page: at its own size (paper), or as wide as its box up to `grow`
 * times its size (a screen); `stretch`, for a chart without text, across the whole box at its
 * own height.
 */
export interface Fitting {
  grow?: number;
  stretch?: boolean;
}

/** Wraps the parts in an <svg> of that size, named in words for screen readers. */
export function svgDocument(
  size: { width: number; height: number },
  label: string,
  parts: readonly string[],
  fitting: Fitting = {},
): DrawnChart {
  const width = round1(size.width);
  const height = round1(size.height);
  const name = escapeXml(label);
  const open =
    `<svg xmlns="http://www.w3.org/2000/svg"${placement(width, height, fitting)} ` +
    `role="img" aria-label="${name}"><title>${name}</title>`;
  return { svg: `${open}${parts.join('')}</svg>`, width, height };
}

function placement(width: number, height: number, { grow, stretch }: Fitting): string {
  const box = `viewBox="0 0 ${width} ${height}"`;
  if (!grow) return ` ${box} width="${width}" height="${height}"`;
  if (stretch) {
    return (
      ` class="fit" ${box} width="100%" height="${height}" preserveAspectRatio="none" ` +
      `style="height: ${height}px"`
    );
  }
  return ` class="fit" ${box} width="100%" style="max-width: ${Math.round(width * grow)}px"`;
}

export interface TextLook {
  size: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}

export function svgText(x: number, y: number, text: string, look: TextLook): string {
  const anchor = look.anchor && look.anchor !== 'start' ? ` text-anchor="${look.anchor}"` : '';
  return (
    `<text x="${round1(x)}" y="${round1(y)}" font-size="${look.size}" fill="${look.fill}"${anchor}>` +
    `${escapeXml(text)}</text>`
  );
}

export interface Stroke {
  color: string;
  width: number;
  dash?: string;
  /** Extra attributes, already written: `data-limit="40"`. */
  extra?: string;
}

export function svgLine(from: [number, number], to: [number, number], stroke: Stroke): string {
  const dash = stroke.dash ? ` stroke-dasharray="${stroke.dash}"` : '';
  const extra = stroke.extra ? ` ${stroke.extra}` : '';
  return (
    `<line x1="${round1(from[0])}" y1="${round1(from[1])}" x2="${round1(to[0])}" ` +
    `y2="${round1(to[1])}" stroke="${stroke.color}" stroke-width="${stroke.width}"${dash}${extra}/>`
  );
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A rectangle; `rest` holds its other attributes (fill, stroke, data-…), already written. */
export function svgRect(box: Box, rest: string, inner = ''): string {
  const at =
    `x="${round1(box.x)}" y="${round1(box.y)}" ` +
    `width="${round1(Math.max(0, box.w))}" height="${round1(Math.max(0, box.h))}"`;
  return inner ? `<rect ${at} ${rest}>${inner}</rect>` : `<rect ${at} ${rest}/>`;
}
