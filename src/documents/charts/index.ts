/** The one chart model, drawn as SVG for the pages and embedded as that SVG in the PDFs. */
export * from './chart';
export { chartSvg } from './chart-svg';
export { paintCss, segmentPaint } from './look';
export { type ChartPlacement, drawChart, paperFrame } from './pdf';
export type { DrawnChart } from './svg';
