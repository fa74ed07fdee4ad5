import {getJson} from '../api.js';
import {blockTimeline} from '../charts.js';
import {renderTable} from '../table.js';

export async function blocks(el) {
  const data = await getJson('/api/blocks');
  if (data.blocks.some(b => !b.gap)) {
    el.append(blockTimeline('5-hour blocks on a timeline, height is cost; the active block is orange', data.blocks));
  }
  el.append(renderTable(data.table, {caption: 'Usage by 5-hour block', apiPath: '/api/blocks'}));
}
