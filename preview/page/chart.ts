// Draws an embedded chart of the emulated sheet as an SVG box over the grid, where Sheets would float it.
import type { PreviewChart } from '../gridShape';

/** (S) A chart inserted without a size is 600 × 371 pixels in Sheets. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 371;
/** Google Charts' default series colours, in order. */
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043'];
const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A round step for the value axis: 1, 2 or 5 times a power of ten, about five lines. */
function axisStep(max: number): number {
  const raw = max / 5 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

/** The chart's SVG: title, legend above, value lines, then the columns or lines of each series. */
export function chartSvg(chart: PreviewChart): SVGSVGElement {
  const root = svg('svg', {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    role: 'img',
    'aria-label': `Chart: ${chart.title}`,
  });
  root.append(svg('rect', { width: CHART_WIDTH, height: CHART_HEIGHT, fill: '#fff' }));
  root.append(svg('text', { x: 16, y: 24, 'font-size': 14, fill: '#202124' }, chart.title));
  const color = (i: number) => chart.series[i].color ?? PALETTE[i % PALETTE.length];
  let legendX = 16;
  chart.series.forEach((s, i) => {
    root.append(svg('rect', { x: legendX, y: 38, width: 10, height: 10, fill: color(i) }));
    root.append(svg('text', { x: legendX + 14, y: 47, 'font-size': 11, fill: '#5f6368' }, s.name));
    legendX += 24 + s.name.length * 7;
  });
  const box = { left: 48, top: 64, right: CHART_WIDTH - 16, bottom: CHART_HEIGHT - 40 };
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(1, ...values);
  const step = axisStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => box.bottom - ((box.bottom - box.top) * v) / top;
  for (let v = 0; v <= top + step / 2; v += step) {
    root.append(
      svg('line', { x1: box.left, x2: box.right, y1: y(v), y2: y(v), stroke: '#e0e0e0' }),
    );
    root.append(
      svg('text', { x: box.left - 6, y: y(v) + 4, 'font-size': 10, 'text-anchor': 'end' }, `${v}`),
    );
  }
  const n = Math.max(1, chart.categories.length);
  const band = (box.right - box.left) / n;
  chart.categories.forEach((label, i) => {
    const x = box.left + band * (i + 0.5);
    root.append(
      svg('text', { x, y: box.bottom + 16, 'font-size': 10, 'text-anchor': 'middle' }, label),
    );
  });
  chart.series.forEach((s, si) => {
    if (chart.kind === 'line') {
      const points = s.values
        .map((v, i) => (v === null ? null : `${box.left + band * (i + 0.5)},${y(v)}`))
        .filter((p): p is string => p !== null);
      root.append(
        svg('polyline', {
          points: points.join(' '),
          fill: 'none',
          stroke: color(si),
          'stroke-width': 2,
        }),
      );
      for (const p of points) {
        const [cx, cy] = p.split(',');
        root.append(svg('circle', { cx, cy, r: 3, fill: color(si) }));
      }
      return;
    }
    const width = (band * 0.7) / Math.max(1, chart.series.length);
    s.values.forEach((v, i) => {
      if (v === null) return;
      const x = box.left + band * i + band * 0.15 + width * si;
      root.append(svg('rect', { x, y: y(v), width, height: box.bottom - y(v), fill: color(si) }));
    });
  });
  return root;
}
