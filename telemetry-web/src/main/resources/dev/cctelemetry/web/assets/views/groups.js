import {getJson} from '../api.js';
import {h, section} from '../dom.js';
import {bars} from '../charts.js';
import {renderTable} from '../table.js';
import {syncList} from './cards.js';

const TITLES = {projects: 'Cost by project', models: 'Cost by model', machines: 'Cost by machine'};

export async function groups(el, kind) {
  const data = await getJson('/api/' + kind);
  if (data.slices.length > 0) {
    const top = data.slices.slice(0, 15);
    el.append(bars(TITLES[kind], top.map(s => s.label), top.map(s => s.cost)));
  }
  el.append(renderTable(data.table, {caption: TITLES[kind], apiPath: '/api/' + kind}));
  if (kind === 'machines') {
    el.append(section('Last sync per machine', syncList(data.syncs)));
  }
}
