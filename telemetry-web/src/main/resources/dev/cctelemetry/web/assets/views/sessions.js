import {getJson} from '../api.js';
import {h, section} from '../dom.js';
import {timePoints} from '../charts.js';
import {renderTable} from '../table.js';

// Column index -> the server's sort key (Session and Models are not sortable).
const SORT_KEYS = [null, 'machine', 'project', 'first', 'last', 'duration', null, null, null, null, null, 'tokens', 'cost'];

export async function sessions(el, arg, {navigate}) {
  const params = new URLSearchParams(location.search);
  const page = Number(params.get('page') || '1');
  const data = await getJson('/api/sessions', {page: params.get('page'), sort: params.get('sort'), dir: params.get('dir')});
  const go = changes => {
    const next = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    navigate(location.pathname + '?' + next.toString());
  };
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  el.append(renderTable(data.table, {
    caption: `${data.total.toLocaleString('en-US')} sessions, page ${page} of ${pages}`,
    apiPath: '/api/sessions', extra: {page, sort: data.sort, dir: data.dir},
    serverSort: {keys: SORT_KEYS, current: data.sort, dir: data.dir, onSort: (sort, dir) => go({sort, dir, page: 1})},
  }));
  el.append(h('nav', {className: 'pager', 'aria-label': 'Pages'},
    h('button', {type: 'button', disabled: page <= 1, onClick: () => go({page: page - 1})}, 'Previous page'),
    h('span', {}, `Page ${page} of ${pages}`),
    h('button', {type: 'button', disabled: page >= pages, onClick: () => go({page: page + 1})}, 'Next page')));
}

export async function session(el, id) {
  const data = await getJson('/api/sessions/' + encodeURIComponent(id));
  const s = data.session;
  document.getElementById('view-title').textContent = `Session ${s.sessionId}`;
  el.append(h('div', {className: 'cards'},
    h('section', {className: 'card full', 'aria-label': 'Session'},
      h('div', {className: 'big'}, s.costText),
      h('dl', {},
        h('dt', {}, 'Machine'), h('dd', {}, s.machine),
        h('dt', {}, 'Project'), h('dd', {}, s.place),
        h('dt', {}, 'First activity'), h('dd', {}, s.firstText),
        h('dt', {}, 'Last activity'), h('dd', {}, s.lastText),
        h('dt', {}, 'Duration'), h('dd', {}, s.durationText),
        h('dt', {}, 'Models'), h('dd', {}, s.models),
        h('dt', {}, 'Requests'), h('dd', {}, s.requests.toLocaleString('en-US')),
        h('dt', {}, 'Tokens'), h('dd', {}, s.tokensText)))));
  const main = data.requests.filter(r => !r.subagent).map(r => [r.time, r.tokens, r.cost]);
  const sub = data.requests.filter(r => r.subagent).map(r => [r.time, r.tokens, r.cost]);
  el.append(section('Requests over time',
    timePoints('Tokens per API response over time; subagent responses in their own series',
      [{name: 'Main agent', points: main}, {name: 'Subagents', points: sub}]),
    renderTable(data.table, {caption: 'API responses', apiPath: '/api/sessions/' + encodeURIComponent(id)})));
}
