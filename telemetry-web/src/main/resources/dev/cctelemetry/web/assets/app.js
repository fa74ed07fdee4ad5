// The dashboard's page: a one-page app whose URL holds the view and every filter (so views can be bookmarked and
// shared), redrawn in place when a sync commits anywhere (server-sent events from /api/events).
import {getJson} from './api.js';
import {disposeCharts} from './charts.js';
import {overview} from './views/overview.js';
import {usage} from './views/usage.js';
import {sessions, session} from './views/sessions.js';
import {groups} from './views/groups.js';
import {blocks} from './views/blocks.js';
import {health} from './views/health.js';

const VIEWS = {
  overview: {title: 'Overview', render: overview},
  usage: {title: 'Usage over time', render: usage},
  sessions: {title: 'Sessions', render: sessions},
  session: {title: 'Session', render: session},
  projects: {title: 'Projects', render: el => groups(el, 'projects')},
  models: {title: 'Models', render: el => groups(el, 'models')},
  machines: {title: 'Machines', render: el => groups(el, 'machines')},
  blocks: {title: '5-hour blocks', render: blocks},
  health: {title: 'Health', render: health},
};
const FILTERS = ['range', 'from', 'to', 'tz', 'machine', 'project', 'model'];

const form = document.getElementById('filters');
const viewEl = document.getElementById('view');
const titleEl = document.getElementById('view-title');
const errorEl = document.getElementById('error');
const liveEl = document.getElementById('live');
let meta = null;
let drawing = 0;

function currentView() {
  const parts = location.pathname.split('/').filter(Boolean);
  if (parts[0] === 'sessions' && parts[1]) return {name: 'session', arg: decodeURIComponent(parts[1])};
  return {name: VIEWS[parts[0]] ? parts[0] : 'overview'};
}

/** Draws the current view; quiet redraws (live updates) keep the old content until the new one is ready. */
async function draw({quiet = false} = {}) {
  const ticket = ++drawing;
  const {name, arg} = currentView();
  const view = VIEWS[name];
  document.title = `${view.title} · cc-telemetry`;
  titleEl.textContent = view.title;
  document.querySelectorAll('.views a').forEach(a => {
    const active = a.dataset.view === name || (name === 'session' && a.dataset.view === 'sessions');
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  viewEl.setAttribute('aria-busy', 'true');
  const next = document.createElement('div');
  try {
    await view.render(next, arg, {meta, navigate});
    if (ticket !== drawing) return;
    errorEl.hidden = true;
    disposeCharts();
    viewEl.replaceChildren(...next.childNodes);
  } catch (e) {
    if (ticket !== drawing) return;
    errorEl.textContent = e.message;
    errorEl.hidden = false;
    if (!quiet) viewEl.replaceChildren();
  } finally {
    if (ticket === drawing) viewEl.setAttribute('aria-busy', 'false');
  }
}

/** Goes to a path (with a query string), keeping the filter unless the path brings its own. */
function navigate(path, {replace = false} = {}) {
  const url = new URL(path, location.href);
  if (!url.search) url.search = location.search;
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  syncForm();
  draw();
}

/** Puts the URL's filter into the form (and into the view links, so a link opened in a new tab keeps it). */
function syncForm() {
  const params = new URLSearchParams(location.search);
  const kept = new URLSearchParams([...params].filter(([k]) => FILTERS.includes(k))).toString();
  document.querySelectorAll('.views a').forEach(a => { a.href = `/${a.dataset.view}${kept ? '?' + kept : ''}`; });
  const custom = params.has('from') || params.has('to');
  form.range.value = custom ? 'custom' : (params.get('range') || meta?.defaultRange || '30d');
  form.from.value = params.get('from') || '';
  form.to.value = params.get('to') || '';
  form.from.disabled = form.to.disabled = !custom;
  form.tz.value = params.get('tz') || '';
  form.tz.placeholder = meta?.zone || '';
  for (const name of ['machine', 'project', 'model']) {
    ensureOption(form[name], params.get(name) || '');
    form[name].value = params.get(name) || '';
  }
}

function ensureOption(select, value) {
  if (value && ![...select.options].some(o => o.value === value)) select.add(new Option(value, value));
}

/** Puts the form's filter into the URL and redraws. */
function formChanged(event) {
  const params = new URLSearchParams(location.search);
  FILTERS.forEach(f => params.delete(f));
  if (form.range.value === 'custom') {
    const today = new Date().toISOString().slice(0, 10);
    if (event?.target === form.range && !form.from.value) form.from.value = today;
    if (event?.target === form.range && !form.to.value) form.to.value = today;
    if (form.from.value) params.set('from', form.from.value);
    if (form.to.value) params.set('to', form.to.value);
  } else if (form.range.value !== meta?.defaultRange) {
    params.set('range', form.range.value);
  }
  if (form.tz.value.trim()) params.set('tz', form.tz.value.trim());
  for (const name of ['machine', 'project', 'model']) {
    if (form[name].value) params.set(name, form[name].value);
  }
  params.delete('page');
  const query = params.toString();
  history.pushState(null, '', location.pathname + (query ? '?' + query : ''));
  syncForm();
  draw();
}

function fillChoices() {
  const fill = (select, values, label = v => v) => {
    const keep = select.value;
    select.replaceChildren(select.options[0], ...values.map(v => new Option(label(v), v)));
    ensureOption(select, keep);
    select.value = keep;
  };
  fill(form.machine, meta.choices.machines);
  fill(form.project, meta.choices.projects);
  fill(form.model, meta.choices.models);
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  document.getElementById('zones').replaceChildren(...zones.map(z => new Option(z)));
  document.getElementById('scope').textContent = meta.scopeText;
}

function listen() {
  const events = new EventSource('/api/events');
  let last = null;
  events.addEventListener('hello', e => { last = e.data; });
  events.addEventListener('change', async e => {
    if (e.data === last) return;
    last = e.data;
    try {
      meta = await getJson('/api/meta');
      fillChoices();
    } catch (err) {
      // The view's own redraw reports errors.
    }
    await draw({quiet: true});
    const time = new Date().toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit'});
    liveEl.textContent = `Updated ${time}`;
    liveEl.classList.add('flash');
    setTimeout(() => liveEl.classList.remove('flash'), 2000);
  });
  events.addEventListener('open', () => { if (!liveEl.textContent || liveEl.textContent === 'Reconnecting…') liveEl.textContent = 'Live'; });
  events.addEventListener('error', () => { liveEl.textContent = 'Reconnecting…'; });
}

function setupTheme() {
  const button = document.getElementById('theme');
  const names = {'': 'Auto', light: 'Light', dark: 'Dark'};
  const apply = theme => {
    if (theme) document.documentElement.dataset.theme = theme; else delete document.documentElement.dataset.theme;
    button.textContent = names[theme];
    button.setAttribute('aria-label', `Colour scheme: ${names[theme].toLowerCase()} (change)`);
  };
  apply(localStorage.getItem('cct-theme') || '');
  button.addEventListener('click', () => {
    const order = ['', 'light', 'dark'];
    const next = order[(order.indexOf(document.documentElement.dataset.theme || '') + 1) % order.length];
    localStorage.setItem('cct-theme', next);
    apply(next);
    draw({quiet: true});
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => draw({quiet: true}));
}

document.addEventListener('click', e => {
  const a = e.target.closest('a');
  if (!a || a.target || a.hasAttribute('download') || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return;
  e.preventDefault();
  navigate(url.pathname + (url.search || location.search));
  document.getElementById('main').focus({preventScroll: true});
});
window.addEventListener('popstate', () => { syncForm(); draw(); });
form.addEventListener('change', formChanged);
form.addEventListener('submit', e => { e.preventDefault(); formChanged(e); });

async function start() {
  setupTheme();
  // On a phone the filters fold away behind their summary, so the view starts on the first screen.
  if (matchMedia('(max-width: 760px)').matches) document.getElementById('filter-box').open = false;
  try {
    meta = await getJson('/api/meta');
    fillChoices();
  } catch (e) {
    errorEl.textContent = e.message;
    errorEl.hidden = false;
  }
  if (location.pathname === '/') history.replaceState(null, '', '/overview' + location.search);
  syncForm();
  await draw();
  // The first view is on screen: benchmarks read the time from navigation start to here.
  performance.mark('cct-first-view');
  document.body.dataset.ready = 'true';
  listen();
}

start();
