// Renders a view's table (columns, rows with raw values and display text, totals) accessibly, with its CSV
// download and the CLI's note on unpriced models. Tables sort on the client unless the view sorts on the server.
import {h} from './dom.js';
import {apiUrl} from './api.js';

/**
 * table: the API's ViewTable. options: {caption, apiPath, extra (params for the CSV link),
 * serverSort: {column: index->key map, current, dir, onSort(key, dir)}}.
 */
export function renderTable(table, options = {}) {
  const wrap = h('div', {className: 'table-block'});
  if (table.rows.length === 0) {
    wrap.append(h('p', {className: 'empty'}, 'No usage recorded for these filters.'));
  }
  const state = {sortIndex: -1, descending: false};
  const tableEl = h('table', {});
  if (options.caption) tableEl.append(h('caption', {}, options.caption));
  const headRow = h('tr');
  table.columns.forEach((col, i) => {
    const th = h('th', {scope: 'col', className: col.kind === 'NUMBER' ? 'num' : ''});
    const serverKey = options.serverSort?.keys?.[i];
    const sortable = options.serverSort ? Boolean(serverKey) : true;
    if (sortable && table.rows.length > 1) {
      if (options.serverSort) {
        const current = options.serverSort.current === serverKey;
        th.setAttribute('aria-sort', current ? (options.serverSort.dir === 'desc' ? 'descending' : 'ascending') : 'none');
        th.append(h('button', {type: 'button', onClick: () => options.serverSort.onSort(serverKey,
            current && options.serverSort.dir === 'desc' ? 'asc' : 'desc')}, col.label));
      } else {
        th.setAttribute('aria-sort', 'none');
        th.append(h('button', {type: 'button', onClick: () => {
          state.descending = state.sortIndex === i ? !state.descending : col.kind === 'NUMBER';
          state.sortIndex = i;
          fillBody();
          headRow.querySelectorAll('th').forEach((other, j) => other.setAttribute('aria-sort',
              j === i ? (state.descending ? 'descending' : 'ascending') : 'none'));
        }}, col.label));
      }
    } else {
      th.append(col.label);
    }
    headRow.append(th);
  });
  tableEl.append(h('thead', {}, headRow));
  const body = h('tbody');
  tableEl.append(body);
  const fillBody = () => {
    let rows = table.rows;
    if (state.sortIndex >= 0) {
      const i = state.sortIndex;
      rows = [...rows].sort((a, b) => compare(a.values[i], b.values[i]) * (state.descending ? -1 : 1));
    }
    body.replaceChildren(...rows.map(row => rowElement(table, row)));
  };
  fillBody();
  if (table.total) {
    tableEl.append(h('tfoot', {}, rowElement(table, table.total)));
  }
  if (table.rows.length > 0) wrap.append(h('div', {className: 'table-wrap'}, tableEl));
  if (table.unpricedModels.length > 0) {
    wrap.append(h('p', {className: 'note'}, `Note: no price is known for ${table.unpricedModels.join(', ')}; ` +
        `${table.unpricedModels.length === 1 ? 'its' : 'their'} usage is counted at $0.00, so the real cost is higher.`));
  }
  if (options.apiPath) {
    wrap.append(h('a', {className: 'download', href: apiUrl(options.apiPath, {...(options.extra || {}), format: 'csv'}),
      download: `cc-telemetry-${table.name}.csv`}, 'Download CSV'));
  }
  return wrap;
}

function rowElement(table, row) {
  const tr = h('tr');
  row.text.forEach((text, i) => {
    const col = table.columns[i];
    const classes = [col.kind === 'NUMBER' ? 'num' : '', col.label === 'Project' ? 'wrap' : ''].join(' ').trim();
    const cell = i === 0 ? h('th', {scope: 'row', className: classes}) : h('td', {className: classes});
    if (i === 0 && row.link) {
      cell.append(h('a', {href: row.link, dataset: {internal: '1'}}, text));
    } else {
      cell.append(text);
    }
    tr.append(cell);
  });
  return tr;
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
