// The Overview's cards: one component per card id. A card the page does not know (added by a newer server
// feature) is drawn as a titled list of its fields, so features can add cards without a page change.
import {h} from '../dom.js';

const COMPONENTS = {
  periods: card => h('section', {className: 'card wide', 'aria-labelledby': 'card-periods'},
    h('h2', {id: 'card-periods'}, 'Cost and tokens'),
    h('div', {className: 'periods'}, card.periods.map(p => h('div', {dataset: {period: p.label}},
      h('div', {className: 'sub'}, p.label),
      h('div', {className: 'big'}, p.costText),
      h('div', {className: 'sub'}, `${p.tokensText} tokens`))))),
  'active-block': card => {
    const b = card.block;
    const body = b === null ? [h('p', {className: 'sub'}, 'No active 5-hour block.')] : [
      h('div', {className: 'big'}, b.costText),
      h('dl', {},
        h('dt', {}, 'Started'), h('dd', {}, b.startText),
        h('dt', {}, 'Ends'), h('dd', {}, b.endText),
        h('dt', {}, 'Status'), h('dd', {}, b.status),
        b.costPerHourText && [h('dt', {}, 'Burn rate'), h('dd', {}, b.costPerHourText)],
        b.tokensPerMinute !== null && [h('dt', {}, 'Tokens/min'), h('dd', {}, b.tokensPerMinute.toLocaleString('en-US'))],
        b.projectedCostText && [h('dt', {}, 'Projected at end'), h('dd', {}, b.projectedCostText)])];
    return h('section', {className: 'card', 'aria-labelledby': 'card-block'},
      h('h2', {id: 'card-block'}, 'Active block'), ...body);
  },
  'cache-share': card => h('section', {className: 'card', 'aria-labelledby': 'card-cache'},
    h('h2', {id: 'card-cache'}, 'Cache-read share'),
    h('div', {className: 'big'}, card.shareText),
    h('div', {className: 'sub'}, `${card.cacheReadText} of ${card.promptTokensText} prompt tokens read from the cache`)),
  'last-syncs': card => h('section', {className: 'card', 'aria-labelledby': 'card-syncs'},
    h('h2', {id: 'card-syncs'}, 'Last sync'),
    card.syncs.length === 0 ? h('p', {className: 'sub'}, 'No sync recorded yet.') :
      h('dl', {}, card.syncs.map(s => [
        h('dt', {}, `${s.machine} · ${s.trigger}`),
        h('dd', {className: s.stale || !s.ok ? 'stale' : ''},
          s.atText + (s.ok ? '' : ' (failed)') + (s.stale ? ' (stale)' : ''))]))),
};

/** The card's element. */
export function renderCard(card) {
  const component = COMPONENTS[card.id];
  if (component) return component(card);
  if (Array.isArray(card.items)) return listCard(card);
  const title = card.title || card.id;
  return h('section', {className: 'card', 'aria-label': title}, h('h2', {}, title),
    h('dl', {}, Object.entries(card).filter(([k]) => k !== 'id' && k !== 'title')
      .map(([k, v]) => [h('dt', {}, k), h('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))])));
}

/** A card of labelled lines (budgets, plan limits): a line that needs attention is marked. */
function listCard(card) {
  const heading = `card-${card.id}`;
  return h('section', {className: 'card', 'aria-labelledby': heading}, h('h2', {id: heading}, card.title),
    h('dl', {}, card.items.map(i => [
      h('dt', {}, i.label),
      h('dd', {className: i.alert ? 'stale' : ''}, i.value + (i.alert ? ' (!)' : ''))])));
}

/** Each machine's last sync per trigger, as a list; a machine without a sync for a day is marked stale. */
export function syncList(syncs) {
  if (syncs.length === 0) return h('p', {className: 'empty'}, 'No sync recorded yet.');
  return h('ul', {className: 'syncs'}, syncs.map(s => h('li', {className: s.stale ? 'stale' : ''},
    `${s.machine} · ${s.trigger}: ${s.atText}${s.ok ? '' : ` (failed: ${s.error})`}`
      + (s.stale ? ' (stale: no sync for over a day)' : ''))));
}
