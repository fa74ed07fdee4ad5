import {getJson} from '../api.js';
import {h, section} from '../dom.js';
import {stackedBars} from '../charts.js';
import {renderTable} from '../table.js';

const KINDS = {input: 'Input', output: 'Output', cacheWrite5m: 'Cache write 5m', cacheWrite1h: 'Cache write 1h',
  cacheRead: 'Cache read'};
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export async function usage(el, arg, {navigate}) {
  const params = new URLSearchParams(location.search);
  const period = params.get('period') || 'day';
  const stack = params.get('stack') || 'model';
  const data = await getJson('/api/usage', {period});
  const s = data.series;
  const choose = (name, value) => {
    const next = new URLSearchParams(location.search);
    next.set(name, value);
    navigate(location.pathname + '?' + next.toString(), {replace: true});
  };
  const radios = (legend, name, options, current) => h('fieldset', {},
    h('legend', {}, legend),
    Object.entries(options).map(([value, label]) => h('label', {},
      h('input', {type: 'radio', name, value, checked: value === current, onChange: () => choose(name, value)}), ' ', label)));
  el.append(h('div', {className: 'toolbar'},
    radios('Period', 'period', {day: 'Daily', week: 'Weekly', month: 'Monthly'}, period),
    radios('Stack by', 'stack', {model: 'Model (cost)', kind: 'Token kind'}, stack)));
  const series = stack === 'kind'
    ? Object.entries(KINDS).map(([k, label]) => ({name: label, values: s.tokensByKind[k]}))
    : s.models.map((m, i) => ({name: m, values: s.costByModel[i]}));
  el.append(s.labels.length === 0 ? h('p', {className: 'empty'}, 'No usage recorded for these filters.') :
    stackedBars(stack === 'kind' ? 'Tokens per period by kind' : 'Cost per period by model', s.labels, series,
      {currency: stack !== 'kind'}));
  el.append(renderTable(data.table, {caption: 'Usage per period', apiPath: '/api/usage', extra: {period}}));
  el.append(h('div', {className: 'grid2'},
    section('Most expensive days', data.topDays.length === 0 ? h('p', {className: 'empty'}, 'None.') :
      h('ol', {className: 'top-days'}, data.topDays.map(d => h('li', {}, `${d.date}: ${d.costText} (${d.tokensText} tokens)`)))),
    section('Cost by hour and weekday', heatmap(data.heatmap))));
}

function heatmap(cells) {
  if (cells.length === 0) return h('p', {className: 'empty'}, 'No usage recorded for these filters.');
  const max = Math.max(...cells.map(c => c.cost), 0.0001);
  const byKey = new Map(cells.map(c => [`${c.weekday}-${c.hour}`, c]));
  const table = h('table', {className: 'heat'}, h('caption', {className: 'sr-only'}, 'Cost by weekday (rows) and hour (columns)'),
    h('thead', {}, h('tr', {}, h('td'), [...Array(24).keys()].map(hr => h('th', {scope: 'col'}, hr % 3 === 0 ? String(hr) : '')))),
    h('tbody', {}, DAYS.map((day, d) => h('tr', {}, h('th', {scope: 'row'}, day), [...Array(24).keys()].map(hr => {
      const c = byKey.get(`${d + 1}-${hr}`);
      const td = h('td', {title: c ? `${day} ${hr}:00 – ${c.costText}, ${c.requests} requests` : `${day} ${hr}:00 – none`});
      td.append(h('span', {className: 'sr-only'}, c ? c.costText : '$0.00'));
      td.style.opacity = c ? String(0.15 + 0.85 * c.cost / max) : '0.05';
      return td;
    })))));
  return h('div', {className: 'table-wrap'}, table);
}
