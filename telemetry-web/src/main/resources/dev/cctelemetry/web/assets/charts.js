// Charts drawn by ECharts (from its WebJar, served by this dashboard: nothing comes from the internet).
// Each chart is a canvas with an ARIA description ECharts generates; the same figures are in the view's table.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import {h} from './dom.js';

const live = new Set();
const observer = new ResizeObserver(entries => entries.forEach(e => e.target.chart?.resize()));

/** Whether the page is in dark mode (the toggle, else the system's preference). */
export function isDark() {
  const theme = document.documentElement.dataset.theme;
  if (theme) return theme === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Disposes the charts of the previous view. */
export function disposeCharts() {
  for (const el of live) {
    observer.unobserve(el);
    el.chart?.dispose();
  }
  live.clear();
}

/** A chart element with a label; option is an ECharts option object. */
export function chart(label, option, className = 'chart') {
  const el = h('div', {className, role: 'img', 'aria-label': label});
  // Draw once the element is in the document and has a size.
  requestAnimationFrame(() => {
    if (!el.isConnected) return;
    el.chart = echarts.init(el, isDark() ? 'dark' : null, {renderer: 'canvas'});
    el.chart.setOption({aria: {enabled: true, label: {description: label}}, backgroundColor: 'transparent',
      animation: false, ...option});
    live.add(el);
    observer.observe(el);
  });
  return el;
}

const esc = s => echarts.format.encodeHTML(String(s));
const money = v => '$' + Number(v).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const count = v => Number(v).toLocaleString('en-US');

/** Stacked bars: labels along x, one series per name (values per label). */
export function stackedBars(label, labels, series, {currency = false} = {}) {
  return chart(label, {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: currency ? money : count},
    legend: {type: 'scroll', bottom: 0},
    grid: {left: 12, right: 12, top: 16, bottom: 40, containLabel: true},
    xAxis: {type: 'category', data: labels},
    yAxis: {type: 'value', axisLabel: {formatter: currency ? v => '$' + v : v => compact(v)}},
    series: series.map(s => ({name: s.name, type: 'bar', stack: 'total', data: s.values, emphasis: {focus: 'series'}})),
  });
}

/** Horizontal bars of one value per name, largest first. */
export function bars(label, names, values, {currency = true} = {}) {
  return chart(label, {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: currency ? money : count},
    grid: {left: 12, right: 24, top: 8, bottom: 8, containLabel: true},
    xAxis: {type: 'value', axisLabel: {formatter: currency ? v => '$' + v : v => compact(v)}},
    yAxis: {type: 'category', data: [...names].reverse(), axisLabel: {width: 220, overflow: 'truncate'}},
    series: [{type: 'bar', data: [...values].reverse()}],
  }, 'chart small');
}

/** Points over time (session requests): x time, y tokens, subagents in their own series. */
export function timePoints(label, groups) {
  return chart(label, {
    tooltip: {trigger: 'item', formatter: p => `${esc(p.seriesName)}<br>${new Date(p.value[0]).toLocaleString()}<br>` +
        `${count(p.value[1])} tokens, ${money(p.value[2])}`},
    legend: {bottom: 0},
    grid: {left: 12, right: 24, top: 32, bottom: 40, containLabel: true},
    xAxis: {type: 'time'},
    yAxis: {type: 'value', name: 'tokens', axisLabel: {formatter: v => compact(v)}},
    series: groups.map(g => ({name: g.name, type: 'scatter', symbolSize: 8, data: g.points})),
  });
}

/** Blocks on a timeline: one bar per block at its start, height its cost; the active block in its own series. */
export function blockTimeline(label, blocks) {
  const point = b => ({value: [Date.parse(b.start), b.cost], startText: b.startText, status: b.status, costText: b.costText});
  const real = blocks.filter(b => !b.gap);
  return chart(label, {
    tooltip: {trigger: 'item', formatter: p => `${esc(p.data.startText)} (${esc(p.data.status)})<br>${esc(p.data.costText)}`},
    legend: {bottom: 0},
    grid: {left: 12, right: 24, top: 16, bottom: 40, containLabel: true},
    xAxis: {type: 'time'},
    yAxis: {type: 'value', axisLabel: {formatter: v => '$' + v}},
    series: [
      {name: 'Block', type: 'bar', barMinWidth: 3, barMaxWidth: 24, data: real.filter(b => !b.active).map(point)},
      {name: 'Active block', type: 'bar', barMinWidth: 3, barMaxWidth: 24, data: real.filter(b => b.active).map(point)},
    ],
  });
}

function compact(v) {
  return Intl.NumberFormat('en-US', {notation: 'compact'}).format(v);
}

