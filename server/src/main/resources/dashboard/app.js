// The OpenPHM dashboard: plain JavaScript over the REST API. Charts are ECharts options built by the server
// from the same chart descriptions as the printed pack; this file only places them on the page.
'use strict';

const state = { section: null, area: null, breakdown: 'none', tables: false, query: '' };
const el = (id) => document.getElementById(id);
let sections = [];
let loadToken = 0;

async function getJson(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function node(tag, attrs, text) {
  const n = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => n.setAttribute(k, v));
  if (text !== undefined && text !== null) n.textContent = text;
  return n;
}

async function init() {
  const [secs, areas] = await Promise.all([getJson('api/sections'), getJson('api/areas')]);
  sections = secs;
  const select = el('area');
  const groups = {};
  for (const a of areas) {
    if (a.type === 'England') continue; // England is the comparator, not an area to select
    if (!groups[a.type]) {
      groups[a.type] = node('optgroup', { label: a.type });
      select.appendChild(groups[a.type]);
    }
    groups[a.type].appendChild(node('option', { value: a.code }, a.name));
  }
  state.area = (areas.find((a) => a.type === 'ICB') || areas[0] || {}).code;
  select.addEventListener('change', () => { state.area = select.value; show(); });
  el('breakdown').addEventListener('change', (e) => { state.breakdown = e.target.value; show(); });
  el('search').addEventListener('input', (e) => { state.query = e.target.value.trim(); show(); });
  el('show-charts').addEventListener('click', () => setTables(false));
  el('show-tables').addEventListener('click', () => setTables(true));
  const nav = el('sections');
  for (const s of sections) {
    const a = node('a', { href: '#section-' + s.number, 'data-section': String(s.number) },
      (s.number > 0 ? s.number + '. ' : '') + s.title + (s.items.length ? ' (' + s.items.length + ')' : ''));
    a.addEventListener('click', (e) => { e.preventDefault(); state.section = s.number; state.query = ''; el('search').value = ''; show(); });
    nav.appendChild(a);
  }
  const first = sections.find((s) => s.items.length > 0) || sections[0];
  state.section = first ? first.number : null;
  fromLink(areas);
  select.value = state.area;
  el('breakdown').value = state.breakdown;
  el('search').value = state.query;
  show();
}

// A view can be shared as a link: the section, area, breakdown and search live in the address's fragment
// (#section=8&area=E06000032&breakdown=sex), read at start and rewritten on every change.
function fromLink(areas) {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const section = Number(p.get('section'));
  if (sections.some((s) => s.number === section)) state.section = section;
  if (areas.some((a) => a.code === p.get('area') && a.type !== 'England')) state.area = p.get('area');
  if (['none', 'sex', 'age', 'ethnicity', 'deprivation'].includes(p.get('breakdown'))) state.breakdown = p.get('breakdown');
  if (p.get('q')) state.query = p.get('q');
}

function toLink() {
  const p = new URLSearchParams({ section: String(state.section), area: state.area, breakdown: state.breakdown });
  if (state.query) p.set('q', state.query);
  history.replaceState(null, '', '#' + p.toString());
}

function setTables(on) {
  state.tables = on;
  document.body.classList.toggle('mode-tables', on);
  el('show-tables').classList.toggle('on', on);
  el('show-charts').classList.toggle('on', !on);
  document.querySelectorAll('.chart').forEach((c) => { c.classList.toggle('hidden', on); });
  document.querySelectorAll('.tablewrap').forEach((t) => { t.classList.toggle('hidden', !on && t.dataset.hasChart === 'true'); });
  if (!on) document.querySelectorAll('.chart').forEach((c) => { const i = echarts.getInstanceByDom(c); if (i) i.resize(); });
}

async function show() {
  const token = ++loadToken;
  toLink();
  const main = el('main');
  main.dataset.ready = 'false';
  document.querySelectorAll('.chart').forEach((c) => { const i = echarts.getInstanceByDom(c); if (i) i.dispose(); });
  main.innerHTML = '';
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('current', !state.query && a.dataset.section === String(state.section)));
  let title;
  let items;
  if (state.query) {
    const found = await getJson('api/indicators?q=' + encodeURIComponent(state.query));
    title = 'Indicators matching "' + state.query + '"';
    items = found.map((i) => ({ id: i.id, kind: 'indicator', section: i.section, title: i.name }));
  } else {
    const s = sections.find((x) => x.number === state.section);
    title = s ? (s.number > 0 ? 'Section ' + s.number + ' \u2013 ' : '') + s.title : 'No sections';
    items = s ? s.items : [];
  }
  if (token !== loadToken) return;
  main.appendChild(node('h1', { id: 'view-title' }, title));
  if (items.length === 0) main.appendChild(node('p', { class: 'status' }, 'Nothing in this build covers this yet.'));
  for (const item of items) {
    const box = node('div', { class: 'item', 'data-id': item.id });
    main.appendChild(box);
    await renderItem(box, item, token);
    if (token !== loadToken) return;
  }
  main.dataset.ready = 'true';
}

function viewUrl(item) {
  if (item.kind === 'indicator') {
    return 'api/views/indicator/' + encodeURIComponent(item.id) + '?area=' + encodeURIComponent(state.area)
      + '&breakdown=' + encodeURIComponent(state.breakdown);
  }
  return 'api/views/analysis/' + encodeURIComponent(item.id) + '?area=' + encodeURIComponent(state.area);
}

async function renderItem(box, item, token) {
  let view;
  try {
    view = await getJson(viewUrl(item));
  } catch (e) {
    box.appendChild(node('p', { class: 'error' }, item.title + ': ' + e.message));
    return;
  }
  if (token !== loadToken) return;
  box.appendChild(node('h2', {}, view.title));
  if (view.about.definition) box.appendChild(node('p', { class: 'definition' }, view.about.definition));
  view.charts.forEach((c, i) => {
    const fig = node('div', { class: 'figure' });
    box.appendChild(fig);
    if (c.note) fig.appendChild(node('p', { class: 'note' }, c.note));
    if (c.error) {
      fig.appendChild(node('p', { class: 'error' }, 'This chart could not be drawn: ' + c.error));
      return;
    }
    if (c.option) {
      const div = node('div', { class: 'chart' + (state.tables ? ' hidden' : ''), 'data-kind': c.kind });
      fig.appendChild(div);
      const chart = echarts.init(div, null, { renderer: 'canvas' });
      chart.setOption(withFormatters(c.option, div.clientWidth));
      if (state.tables) chart.resize();
    } else {
      fig.appendChild(node('h3', {}, c.title));
    }
    const wrap = node('div', { class: 'tablewrap' + (c.option && !state.tables ? ' hidden' : ''), 'data-has-chart': String(!!c.option) });
    wrap.appendChild(table(c.table));
    fig.appendChild(wrap);
    if (c.key_points.length) {
      const ul = node('ul', { class: 'keypoints' });
      c.key_points.forEach((p) => ul.appendChild(node('li', {}, p)));
      fig.appendChild(ul);
    }
    const link = node('a', { class: 'download', href: viewUrl(item) + '&format=csv&chart=' + i, download: '' },
      'Download this view as CSV');
    fig.appendChild(link);
  });
  const meta = node('p', { class: 'about' });
  meta.textContent = [view.about.method && ('Method: ' + view.about.method), view.about.source && ('Source: ' + view.about.source)]
    .filter(Boolean).join(' \u2014 ');
  box.appendChild(meta);
  if (view.about.caveats && view.about.caveats.length) {
    const cv = node('div', { class: 'caveats' });
    cv.appendChild(node('b', {}, 'Data quality and caveats'));
    const ul = node('ul');
    view.about.caveats.forEach((c) => ul.appendChild(node('li', {}, c)));
    cv.appendChild(ul);
    box.appendChild(cv);
  }
}

// Chart options arrive as JSON, which cannot hold functions: the server names a formatter ("absolute": a
// pyramid's male bars are drawn left of zero but are counts) and the dashboard supplies it. Long titles wrap
// to the chart's width instead of running off it.
function withFormatters(option, width) {
  const absolute = (v) => (typeof v === 'number' ? Math.abs(v).toLocaleString('en-GB') : v);
  [].concat(option.xAxis || [], option.yAxis || []).forEach((axis) => {
    if (axis.axisLabel && axis.axisLabel.formatter === 'absolute') axis.axisLabel.formatter = absolute;
  });
  if (option.tooltip && option.tooltip.valueFormatter === 'absolute') option.tooltip.valueFormatter = absolute;
  if (option.tooltip && option.tooltip.formatter === 'with-ci') option.tooltip.formatter = withCi;
  if (option.title && width > 0) {
    option.title.textStyle = Object.assign({}, option.title.textStyle, { width: Math.max(200, width - 40), overflow: 'break' });
  }
  return option;
}

// A trend's tooltip: each line's value with its 95% confidence interval; the band series (ids "ci-...") that
// draw the shading are left out.
function withCi(params) {
  const list = [].concat(params);
  if (!list.length) return '';
  const num = (v) => Number(v).toLocaleString('en-GB', { maximumFractionDigits: 2 });
  const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  let html = esc(list[0].axisValueLabel);
  list.filter((p) => !String(p.seriesId || '').startsWith('ci-')).forEach((p) => {
    const d = p.data;
    const v = d !== null && typeof d === 'object' ? d.value : d;
    if (v === '-' || v === null || v === undefined) return;
    const ci = d !== null && typeof d === 'object' && d.lower != null && d.upper != null
      ? ' (95% CI ' + num(d.lower) + '\u2013' + num(d.upper) + ')' : '';
    html += '<br>' + p.marker + esc(p.seriesName) + ': ' + num(v) + ci;
  });
  return html;
}

// As in the printed pack, a table shows at most two decimals (59.631148 -> 59.63); the CSV download keeps
// every digit.
function cell(v) {
  if (v === null || v === undefined) return '';
  if (/^-?\d+\.\d{3,}$/.test(v)) return String(Number(Number(v).toFixed(2)));
  return v;
}

function table(t) {
  const tbl = node('table', { class: 'data' });
  const head = node('tr');
  t.columns.forEach((c) => head.appendChild(node('th', {}, c.replace(/_/g, ' '))));
  const thead = node('thead');
  thead.appendChild(head);
  tbl.appendChild(thead);
  const body = node('tbody');
  t.rows.forEach((r) => {
    const tr = node('tr');
    r.forEach((v) => tr.appendChild(node('td', {}, cell(v))));
    body.appendChild(tr);
  });
  tbl.appendChild(body);
  return tbl;
}

init().catch((e) => { el('main').innerHTML = ''; el('main').appendChild(node('p', { class: 'error' }, 'Could not load: ' + e.message)); });
