import {getJson} from '../api.js';
import {h, section} from '../dom.js';
import {renderTable} from '../table.js';
import {syncList} from './cards.js';

const MARKS = {ok: '✓', warn: '!', fail: '✗'};

export async function health(el) {
  const data = await getJson('/api/health');
  el.append(section('Checks of this machine',
    data.checks.length === 0 ? h('p', {className: 'empty'}, 'No checks available.') :
      h('ul', {className: 'checks'}, data.checks.map(c => h('li', {},
        h('span', {className: c.status, 'aria-label': c.status}, MARKS[c.status] || c.status), ' ',
        h('strong', {}, c.name), ': ', c.detail, c.fix ? [' — fix: ', h('code', {}, c.fix)] : '')))));
  el.append(section('Last sync per machine', syncList(data.syncs)));
  el.append(renderTable(data.table, {apiPath: '/api/health'}));
}
