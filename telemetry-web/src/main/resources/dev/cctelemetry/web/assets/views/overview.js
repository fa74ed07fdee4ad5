import {getJson} from '../api.js';
import {h, section} from '../dom.js';
import {stackedBars} from '../charts.js';
import {renderTable} from '../table.js';
import {renderCard} from './cards.js';

export async function overview(el) {
  const data = await getJson('/api/overview');
  const daily = data.daily;
  el.append(h('div', {className: 'cards'}, data.cards.map(renderCard)));
  el.append(section('Cost per day by model',
    daily.labels.length === 0 ? h('p', {className: 'empty'}, 'No usage recorded for these filters.') :
      stackedBars('Cost per day, stacked by model', daily.labels,
        daily.models.map((m, i) => ({name: m, values: daily.costByModel[i]})), {currency: true}),
    renderTable(data.table, {caption: 'Daily usage', apiPath: '/api/overview'})));
}
