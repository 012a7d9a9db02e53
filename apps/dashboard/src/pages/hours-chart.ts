import { html } from 'hono/html';
import type { Html } from './layout';

export interface ChartBar {
  /** YYYY-MM. */
  month: string;
  minutes: number;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WIDTH = 600;
const HEIGHT = 220;
const TOP = 18;
const BOTTOM = 24;

/**
 * Hours per month as an SVG bar chart, drawn on the server: no script, readable in print, and
 * the figures are also in the table below it for screen readers. Every value is a number or
 * a month name of ours, escaped all the same.
 */
export function renderHoursChart(bars: ChartBar[]): Html {
  const max = Math.max(60, ...bars.map((bar) => bar.minutes));
  const slot = WIDTH / Math.max(1, bars.length);
  const barWidth = Math.max(4, slot * 0.6);
  const plot = HEIGHT - TOP - BOTTOM;
  return html`<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Hours given per month" xmlns="http://www.w3.org/2000/svg">${bars.map((bar, index) => {
    const height = Math.round((Math.max(0, bar.minutes) / max) * plot);
    const x = Math.round(index * slot + (slot - barWidth) / 2);
    const y = TOP + plot - height;
    const hours = Math.round((bar.minutes / 60) * 10) / 10;
    const monthIndex = Number(bar.month.slice(5, 7)) - 1;
    return html`<g data-month="${bar.month}" data-minutes="${bar.minutes}"><rect class="bar" x="${x}" y="${y}" width="${Math.round(barWidth)}" height="${height}"><title>${bar.month}: ${hours} h</title></rect>${
      bar.minutes > 0 ? html`<text x="${x + Math.round(barWidth / 2)}" y="${y - 4}" text-anchor="middle">${hours}</text>` : ''
    }<text x="${x + Math.round(barWidth / 2)}" y="${HEIGHT - 6}" text-anchor="middle">${MONTH_NAMES[monthIndex] ?? bar.month}</text></g>`;
  })}</svg><figcaption>Hours given per month (every status but rejected).</figcaption></figure>`;
}
