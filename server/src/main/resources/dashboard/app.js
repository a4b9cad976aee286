// The OpenPHM dashboard: plain JavaScript over the REST API. Charts are ECharts options built by the server
// from the same chart descriptions as the printed pack; this file only places them on the page.
'use strict';

const TABS = ['overview', 'sections', 'profile', 'compare', 'map', 'patients', 'explorer'];
const state = { tab: 'overview', section: null, area: null, breakdown: 'none', tables: false, query: '', item: null,
  indicator: null, areas: [] };
const el = (id) => document.getElementById(id);
let sections = [];
let allAreas = [];
let indicators = [];
let analyses = [];
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
  const [secs, areas, inds, anas] = await Promise.all([getJson('api/sections'), getJson('api/areas'),
    getJson('api/indicators'), getJson('api/analyses')]);
  sections = secs;
  allAreas = areas;
  indicators = inds;
  analyses = anas;
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
  state.indicator = indicators.length ? indicators[0].id : null;
  select.addEventListener('change', () => { state.area = select.value; show(); });
  el('breakdown').addEventListener('change', (e) => { state.breakdown = e.target.value; show(); });
  el('search').addEventListener('input', (e) => { state.query = e.target.value.trim(); state.tab = 'sections'; show(); });
  el('show-charts').addEventListener('click', () => setTables(false));
  el('show-tables').addEventListener('click', () => setTables(true));
  document.querySelectorAll('#tabs a').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault(); state.tab = a.dataset.tab; state.item = null; show();
  }));
  const nav = el('sections');
  for (const s of sections) {
    const a = node('a', { href: '#section-' + s.number, 'data-section': String(s.number) },
      (s.number > 0 ? s.number + '. ' : '') + s.title + (s.items.length ? ' (' + s.items.length + ')' : ''));
    a.addEventListener('click', (e) => {
      e.preventDefault(); state.tab = 'sections'; state.section = s.number; state.query = ''; state.item = null;
      el('search').value = ''; show();
    });
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

// A view can be shared as a link: the tab, section, area, breakdown and search live in the address's fragment
// (#section=8&area=E06000032&breakdown=sex for a section; #tab=profile&area=... for the other views), read at
// start and rewritten on every change. A link without a tab but with a section opens that section.
function fromLink(areas) {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const section = Number(p.get('section'));
  if (sections.some((s) => s.number === section)) { state.section = section; state.tab = 'sections'; }
  if (TABS.includes(p.get('tab'))) state.tab = p.get('tab');
  if (areas.some((a) => a.code === p.get('area') && a.type !== 'England')) state.area = p.get('area');
  if (['none', 'sex', 'age', 'ethnicity', 'deprivation'].includes(p.get('breakdown'))) state.breakdown = p.get('breakdown');
  if (p.get('q')) { state.query = p.get('q'); state.tab = 'sections'; }
  if (p.get('item')) state.item = p.get('item');
  if (indicators.some((i) => i.id === p.get('indicator'))) state.indicator = p.get('indicator');
  if (p.get('areas')) state.areas = p.get('areas').split(',').filter((c) => areas.some((a) => a.code === c));
}

function toLink() {
  let p;
  if (state.tab === 'sections') {
    p = new URLSearchParams({ section: String(state.section), area: state.area, breakdown: state.breakdown });
    if (state.query) p.set('q', state.query);
    if (state.item) p.set('item', state.item);
  } else {
    p = new URLSearchParams({ tab: state.tab, area: state.area });
    if ((state.tab === 'compare' || state.tab === 'map') && state.indicator) p.set('indicator', state.indicator);
    if (state.tab === 'compare' && state.areas.length) p.set('areas', state.areas.join(','));
  }
  history.replaceState(null, '', '#' + p.toString());
}

function setTables(on) {
  state.tables = on;
  document.body.classList.toggle('mode-tables', on);
  el('show-tables').classList.toggle('on', on);
  el('show-charts').classList.toggle('on', !on);
  document.querySelectorAll('.chart').forEach((c) => { c.classList.toggle('hidden', on); });
  document.querySelectorAll('.tablewrap').forEach((t) => { t.classList.toggle('hidden', !on && t.dataset.hasChart === 'true'); });
  // the first tables at once (the rest as they near the screen)
  if (on) Array.from(document.querySelectorAll('.tablewrap')).slice(0, EAGER_TABLES).forEach(buildTable);
  if (!on) document.querySelectorAll('.chart').forEach((c) => { const i = echarts.getInstanceByDom(c); if (i) i.resize(); });
}

function areaOf(code) { return allAreas.find((a) => a.code === code); }

// An ICB's statutory name is long for a label: "NHS X Integrated Care Board" is shown as "X ICB" (as the charts do)
function shortName(name) {
  return String(name || '').replace(/^NHS /, '').replace(/ Integrated Care Board$/, ' ICB');
}

async function show() {
  const token = ++loadToken;
  toLink();
  const main = el('main');
  main.dataset.ready = 'false';
  document.querySelectorAll('.chart').forEach((c) => {
    const i = echarts.getInstanceByDom(c);
    if (i) i.dispose();
    if (lazyCharts && c._pending) { c._pending = null; lazyCharts.unobserve(c); }
  });
  document.querySelectorAll('.tablewrap').forEach((w) => { if (lazyTables && w._table) { w._table = null; lazyTables.unobserve(w); } });
  main.innerHTML = '';
  document.querySelectorAll('#tabs a').forEach((a) => a.classList.toggle('current', a.dataset.tab === state.tab));
  document.querySelectorAll('nav#sections a').forEach((a) => a.classList.toggle('current',
    state.tab === 'sections' && !state.query && a.dataset.section === String(state.section)));
  document.body.dataset.tab = state.tab;
  try {
    if (state.tab === 'overview') await showOverview(main, token);
    else if (state.tab === 'profile') await showProfile(main, token);
    else if (state.tab === 'compare') await showCompare(main, token);
    else if (state.tab === 'map') await showMap(main, token);
    else if (state.tab === 'patients') await showPatients(main, token);
    else if (state.tab === 'explorer') await showExplorer(main, token);
    else await showSections(main, token);
  } catch (e) {
    if (token !== loadToken) return;
    main.appendChild(node('p', { class: 'error' }, 'Could not load this view: ' + e.message));
  }
  if (token !== loadToken) return;
  main.dataset.ready = 'true';
}

// --- search ------------------------------------------------------------------------------------------

// "8.4", "DP 8.4" or "dp8.4" name a section number; anything else is looked for in titles, ids, section
// numbers and definitions of indicators and analyses alike.
function sectionNumber(q) {
  const m = /^(?:dp\s*)?(\d+(?:\.\d+)?)$/i.exec(q.trim());
  return m ? m[1] : null;
}

function matches(q, fields) {
  const text = fields.filter(Boolean).join(' \u0001 ').toLowerCase();
  return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => text.includes(w));
}

function search(q) {
  const num = sectionNumber(q);
  const inSection = (s) => {
    const n = String(s || '').replace(/^DP\s*/i, '');
    return num !== null && (n === num || (!num.includes('.') && n.split('.')[0] === num));
  };
  const out = [];
  for (const s of sections) {
    for (const item of s.items) {
      const info = item.kind === 'indicator' ? indicators.find((i) => i.id === item.id)
        : analyses.find((a) => a.id === item.id);
      const definition = info ? info.definition : '';
      if (num !== null ? inSection(item.section) : matches(q, [item.title, item.id, item.section, definition])) {
        if (!out.some((o) => o.id === item.id)) out.push(item);
      }
    }
  }
  return out;
}

async function showSections(main, token) {
  let title;
  let items;
  if (state.query) {
    items = search(state.query);
    title = 'Indicators and analyses matching "' + state.query + '"';
  } else {
    const s = sections.find((x) => x.number === state.section);
    title = s ? (s.number > 0 ? 'Section ' + s.number + ' \u2013 ' : '') + s.title : 'No sections';
    items = s ? s.items : [];
  }
  main.appendChild(node('h1', { id: 'view-title' }, title));
  if (items.length === 0) main.appendChild(node('p', { class: 'status' }, 'Nothing in this build covers this yet.'));
  // every view is asked for at once (the server draws them in parallel); each is placed as it arrives, in order
  const views = items.map((item) => getJson(viewUrl(item)).then((v) => ({ v }), (e) => ({ e })));
  drawnEagerly = 0;
  builtEagerly = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const box = node('div', { class: 'item', 'data-id': item.id, id: 'item-' + item.id });
    main.appendChild(box);
    await renderItem(box, item, token, views[k]);
    if (token !== loadToken) return;
    if (state.item === item.id) box.scrollIntoView();
  }
}

// A long section holds dozens of charts: the first four (a screenful) are drawn at once, the rest when they come near the
// visible part of the page, so a section is ready in well under the 3.5 s budget on a full-size build.
const EAGER_CHARTS = 4;
let drawnEagerly = 0;
const lazyCharts = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => {
  entries.forEach((e) => {
    if (e.isIntersecting && e.target._pending) {
      const o = e.target._pending;
      e.target._pending = null;
      lazyCharts.unobserve(e.target);
      drawChart(e.target, o);
    }
  });
}, { rootMargin: '800px 0px' }) : null;

// A table is built when it is (nearly) on screen: a hidden table behind every chart of a long section would
// otherwise cost seconds of page building that nobody sees.
const lazyTables = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => {
  entries.forEach((e) => { if (e.isIntersecting) buildTable(e.target); });
}, { rootMargin: '800px 0px' }) : null;

const EAGER_TABLES = 12;
let builtEagerly = 0;
function placeTable(wrap, t, kinds) {
  wrap._table = { t, kinds };
  const shown = !wrap.classList.contains('hidden');
  if (!lazyTables || (shown && builtEagerly < EAGER_TABLES)) {
    builtEagerly++;
    buildTable(wrap);
  } else lazyTables.observe(wrap);
}

function buildTable(wrap) {
  if (!wrap._table) return;
  const { t, kinds } = wrap._table;
  wrap._table = null;
  if (lazyTables) lazyTables.unobserve(wrap);
  wrap.appendChild(table(t, kinds));
}

function placeChart(div, option) {
  if (!lazyCharts || drawnEagerly < EAGER_CHARTS) {
    drawnEagerly++;
    drawChart(div, option);
    return;
  }
  div._pending = option;
  div.dataset.lazy = 'true';
  lazyCharts.observe(div);
}

function viewUrl(item) {
  if (item.kind === 'indicator') {
    return 'api/views/indicator/' + encodeURIComponent(item.id) + '?area=' + encodeURIComponent(state.area)
      + '&breakdown=' + encodeURIComponent(state.breakdown);
  }
  return 'api/views/analysis/' + encodeURIComponent(item.id) + '?area=' + encodeURIComponent(state.area);
}

// What each table column holds, for formatting: "count" (whole numbers of people or events), "year" (left as
// written), or "number" (a rate, percentage or other derived figure). From the analysis's column metadata
// where it has any, else from the column's name.
function columnKinds(item, columns) {
  const declared = {};
  const a = item.kind === 'analysis' ? analyses.find((x) => x.id === item.id) : null;
  if (a) a.tables.forEach((t) => t.columns.forEach((c) => { declared[c.name] = c; }));
  return columns.map((name) => {
    const c = declared[name];
    const n = name.toLowerCase();
    if (/(^|_)(year|years|period|month|date|code|rank|horizon|age|band|id)(_|$)/.test(n) && !/people|deaths|admissions/.test(n)) return 'text';
    if (/pct|percent|rate|ratio|dsr|share|ci9|ci_|lower|upper|value|per_|sii|mean|limit|expectancy/.test(n)) return 'number';
    if (c && c.type === 'count') return 'count';
    if (/(^|_)(count|counts|denominator|people|persons|patients|population|deaths|admissions|referrals|registered|contacts|attendances|headcount|fte|beds|numerator|events|staff|vacancies|spells)(_|$)/.test(n)) return 'count';
    if (c && c.description && /^(predicted|projected|number of|people|patients|registered people)/i.test(c.description)) return 'count';
    return 'number';
  });
}

async function renderItem(box, item, token, pending) {
  const got = await pending;
  if (got.e) {
    box.appendChild(node('p', { class: 'error' }, item.title + ': ' + got.e.message));
    return;
  }
  const view = got.v;
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
      placeChart(div, c.option);
    } else {
      fig.appendChild(node('h3', {}, c.title));
    }
    const wrap = node('div', { class: 'tablewrap' + (c.option && !state.tables ? ' hidden' : ''), 'data-has-chart': String(!!c.option) });
    placeTable(wrap, c.table, columnKinds(item, c.table.columns));
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

// Draws a server-built option into a div with the SVG renderer (so every label is a text element the browser
// lays out and a test can measure). The option as sent is kept on the div for redrawing.
function drawChart(div, option) {
  div._option = JSON.parse(JSON.stringify(option));
  if (state.tables && div.classList.contains('hidden')) div.classList.remove('hidden'); // measure at full width
  const width = div.clientWidth || 900;
  const o = withFormatters(option, width, div);
  if (state.tables) div.classList.add('hidden');
  const chart = echarts.init(div, null, { renderer: 'svg' });
  chart.setOption(o);
  return chart;
}

// --- text measuring and wrapping, so labels never overlap ----------------------------------------------

const measureCtx = document.createElement('canvas').getContext('2d');
function textWidth(text, size, bold) {
  measureCtx.font = (bold ? 'bold ' : '') + (size || 12) + 'px sans-serif';
  return measureCtx.measureText(String(text)).width;
}

// Greedy word wrap: the lines a text takes at this width (a word longer than the width gets a line of its own
// and is broken by ECharts).
function wrap(text, width, size, bold) {
  const words = String(text).split(/\s+/);
  const lines = [];
  let line = '';
  for (const w of words) {
    const t = line ? line + ' ' + w : w;
    if (line && textWidth(t, size, bold) > width) { lines.push(line); line = w; } else line = t;
  }
  if (line) lines.push(line);
  return lines;
}

const one = (v) => (typeof v === 'number' ? v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : v);

// Chart options arrive as JSON, which cannot hold functions: the server names a formatter ("absolute": a
// pyramid's male bars are drawn left of zero but are counts; "one-decimal": a heat map's cells) and the
// dashboard supplies it. Long titles and category labels are wrapped to the chart's width, and the grid is
// grown to hold them, so no two texts overprint.
function withFormatters(option, width, div) {
  const absolute = (v) => (typeof v === 'number' ? Math.abs(v).toLocaleString('en-GB') : v);
  [].concat(option.xAxis || [], option.yAxis || []).forEach((axis) => {
    if (axis.axisLabel && axis.axisLabel.formatter === 'absolute') axis.axisLabel.formatter = absolute;
  });
  if (option.tooltip && option.tooltip.valueFormatter === 'absolute') option.tooltip.valueFormatter = absolute;
  if (option.tooltip && option.tooltip.valueFormatter === 'one-decimal') option.tooltip.valueFormatter = one;
  if (option.tooltip && option.tooltip.formatter === 'with-ci') {
    const bands = bandTexts(option.series || []);
    option.tooltip.formatter = (params) => withCi(params, bands);
  }
  const grid = option.grid || (option.series && option.series.some((s) => s.type !== 'treemap') ? (option.grid = {}) : null);
  let top = grid && typeof grid.top === 'number' ? grid.top : 60;
  if (option.title && width > 0) {
    const w = Math.max(200, width - 40);
    const titleLines = wrap(option.title.text || '', w, 14, true);
    const subLines = option.title.subtext ? wrap(option.title.subtext, w, 12, false) : [];
    option.title.text = titleLines.join('\n');
    if (subLines.length) option.title.subtext = subLines.join('\n');
    option.title.textStyle = Object.assign({}, option.title.textStyle, { lineHeight: 18 });
    option.title.subtextStyle = Object.assign({}, option.title.subtextStyle, { lineHeight: 15 });
    // room for the title and subtitle lines, and for the y axis's name drawn above the grid
    const yName = [].concat(option.yAxis || []).some((a) => a.name);
    const needed = 10 + titleLines.length * 18 + subLines.length * 15 + (yName ? 30 : 14);
    if (needed > top) top = needed;
    if (grid) grid.top = top;
    (option.series || []).filter((x) => x.type === 'treemap' || x.type === 'sankey').forEach((x) => { x.top = needed; });
  }
  const heat = (option.series || []).find((s) => s.type === 'heatmap');
  if (heat) fitHeatmap(option, heat, width, div, top);
  else if (grid) fitCategoryAxis(option, grid, width);
  return option;
}

// A category x axis: labels that do not fit their slot are wrapped onto lines (up to six categories) or
// rotated and shortened (more), and the grid's bottom grows to hold them above the legend.
function fitCategoryAxis(option, grid, width) {
  const axis = [].concat(option.xAxis || [])[0];
  if (!axis || axis.type !== 'category' || !Array.isArray(axis.data) || !axis.data.length) return;
  const labels = axis.data.map(String);
  const left = typeof grid.left === 'number' ? grid.left : width * 0.1;
  const right = typeof grid.right === 'number' ? grid.right : width * 0.1;
  const slot = Math.max(1, (width - left - right) / labels.length);
  axis.axisLabel = Object.assign({ interval: 0 }, axis.axisLabel);
  // the legend below the axis: its entries' widths (swatch and gap ~40px each) say how many rows it takes
  const legendData = option.legend ? [].concat(option.legend)[0].data || [] : [];
  const legendRows = option.legend ? Math.max(1, Math.ceil(legendData.reduce((n, d) => n
    + textWidth(typeof d === 'string' ? d : d.name) + 40, 0) / Math.max(100, width - 40))) : 0;
  const legendRoom = option.legend ? 10 + legendRows * 22 : 10;
  const widest = Math.max(...labels.map((l) => textWidth(l)));
  if (widest <= slot - 8 && !axis.axisLabel.rotate) {
    grid.bottom = Math.max(grid.bottom || 0, 30 + legendRoom);
    return;
  }
  if (labels.length <= 6 && slot >= 60) {
    const lineWidth = slot - 10;
    const lines = labels.map((l) => wrap(l, lineWidth));
    // a word wider than the slot is broken by ECharts: count its extra lines too
    const count = Math.max(...lines.map((ls) => ls.reduce((n, t) => n + Math.ceil(textWidth(t) / lineWidth), 0)));
    axis.axisLabel.rotate = 0;
    axis.axisLabel.width = lineWidth;
    axis.axisLabel.overflow = 'break';
    axis.axisLabel.lineHeight = 14;
    axis.axisLabel.formatter = (v) => wrap(v, lineWidth).join('\n');
    grid.bottom = Math.max(grid.bottom || 0, 16 + count * 14 + legendRoom);
    return;
  }
  // rotated: neighbouring labels are slot·sin(angle) apart, which must exceed a line (14px)
  const angle = slot * Math.sin(40 * Math.PI / 180) >= 15 ? 40 : 90;
  if (slot < 15) axis.axisLabel.interval = 'auto'; // too many bars to label each: ECharts labels every n-th
  const maxLen = 150;
  axis.axisLabel.rotate = angle;
  axis.axisLabel.width = maxLen;
  axis.axisLabel.overflow = 'truncate';
  axis.axisLabel.ellipsis = '\u2026';
  const longest = Math.min(widest, maxLen);
  grid.bottom = Math.max(grid.bottom || 0, 20 + longest * Math.sin(angle * Math.PI / 180) + 14 + legendRoom);
}

// A heat map: every row labelled, the chart tall enough for its rows, values to one decimal, and the values
// left out of cells too small to hold them (the tooltip still gives each one).
function fitHeatmap(option, heat, width, div, top) {
  const rows = [].concat(option.yAxis || [])[0].data || [];
  const cols = [].concat(option.xAxis || [])[0].data || [];
  const yLabel = Math.max(0, ...rows.map((r) => textWidth(r)));
  const cellW = (width - yLabel - 30 - (option.grid.right || 20)) / Math.max(1, cols.length);
  // column labels level where they fit their cells, else upright (90°): slanted labels of neighbouring
  // columns crowd each other when the names are long
  const xAxis = [].concat(option.xAxis)[0];
  const widestCol = Math.max(0, ...cols.map((c) => textWidth(c)));
  const level = widestCol <= cellW - 6;
  xAxis.axisLabel = Object.assign({}, xAxis.axisLabel, { interval: 0, rotate: level ? 0 : 90 });
  const xLabel = (level ? 14 : widestCol) + 10;
  const bottom = (option.grid.bottom || 70);
  const cellH = 22;
  const height = Math.max(400, top + rows.length * cellH + xLabel + bottom + 10);
  if (div) div.style.height = Math.ceil(height) + 'px';
  const h = (height - top - xLabel - bottom) / Math.max(1, rows.length);
  if (heat.label && heat.label.formatter === 'one-decimal') heat.label.formatter = (p) => one(p.value[2]);
  if (heat.label) heat.label.show = cellW >= textWidth('100.0', 10) + 6 && h >= 13;
}

// What each line's shaded band is, by the line's name. A band series (id "ci-...") is named "<line> <band>":
// "Luton 95% CI" for an indicator, "Scenario p10 to p90 of 256 Monte Carlo runs" for a fan chart. A line whose
// name begins another's ("Bedford", "Bedford North") owns only the bands of the longest name they start with.
function bandTexts(series) {
  const isBand = (x) => String(x.id || '').startsWith('ci-');
  const lines = series.filter((x) => !isBand(x)).map((x) => String(x.name));
  const out = {};
  series.filter(isBand).forEach((b) => {
    const name = String(b.name || '');
    const owner = lines.filter((l) => name.startsWith(l + ' ')).sort((x, y) => y.length - x.length)[0];
    if (owner !== undefined && !(owner in out)) out[owner] = name.slice(owner.length + 1);
  });
  return out;
}

// A trend's or fan chart's tooltip: each line's value with its interval, called what its band is called (the
// indicators' "95% CI" when a chart does not say); the band series that draw the shading are left out.
function withCi(params, bands) {
  const list = [].concat(params);
  if (!list.length) return '';
  const num = (v) => Number(v).toLocaleString('en-GB', { maximumFractionDigits: 2 });
  let html = esc(list[0].axisValueLabel);
  list.filter((p) => !String(p.seriesId || '').startsWith('ci-')).forEach((p) => {
    const d = p.data;
    const v = d !== null && typeof d === 'object' ? d.value : d;
    if (v === '-' || v === null || v === undefined) return;
    const ci = d !== null && typeof d === 'object' && d.lower != null && d.upper != null
      ? ' (' + ((bands && bands[p.seriesName]) || '95% CI') + ' ' + num(d.lower) + '\u2013' + num(d.upper) + ')' : '';
    html += '<br>' + p.marker + esc(p.seriesName) + ': ' + num(v) + ci;
  });
  return html;
}

function esc(t) {
  return String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

// As in the printed pack, a table shows at most two decimals (59.631148 -> 59.63); the CSV download keeps
// every digit. A count column shows whole numbers with thousands separators (13861.42 people -> 13,861);
// a rate or percentage its decimals (1,234.57); years and codes as written. An empty cell is suppressed or
// not applicable: it is shown empty (never as 0).
function cell(v, kind) {
  if (v === null || v === undefined) return '';
  const n = Number(v);
  const numeric = v !== '' && /^-?\d+(\.\d+)?$/.test(v) && Number.isFinite(n);
  if (kind === 'count' && numeric) return Math.round(n).toLocaleString('en-GB');
  if (kind === 'number' && numeric) return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (/^-?\d+\.\d{3,}$/.test(v)) return String(Number(Number(v).toFixed(2)));
  return v;
}

function table(t, kinds) {
  const tbl = node('table', { class: 'data' });
  const head = node('tr');
  t.columns.forEach((c) => head.appendChild(node('th', {}, c.replace(/_/g, ' '))));
  const thead = node('thead');
  thead.appendChild(head);
  tbl.appendChild(thead);
  const body = node('tbody');
  t.rows.forEach((r) => {
    const tr = node('tr');
    r.forEach((v, i) => {
      const kind = kinds ? kinds[i] : null;
      const numeric = v !== null && /^-?\d+(\.\d+)?$/.test(v);
      tr.appendChild(node('td', numeric && kind && kind !== 'text' ? { class: 'num' } : {}, cell(v, kind)));
    });
    body.appendChild(tr);
  });
  tbl.appendChild(body);
  return tbl;
}

// --- formatting of values in the area views ------------------------------------------------------------

function fmtValue(v, valueType) {
  if (v === null || v === undefined) return 'suppressed';
  const big = Math.abs(v) >= 100;
  return Number(v).toLocaleString('en-GB', { minimumFractionDigits: big ? 0 : 1, maximumFractionDigits: big ? 1 : 2 })
    + (/proportion|percent|%/i.test(valueType || '') ? '%' : '');
}

function fmtCount(v) {
  return v === null || v === undefined ? 'suppressed' : Math.round(v).toLocaleString('en-GB');
}

function sectionOfItem(id) {
  const s = sections.find((x) => x.items.some((i) => i.id === id));
  return s ? s.number : null;
}

function indicatorLink(id, text) {
  const number = sectionOfItem(id);
  const p = new URLSearchParams({ section: String(number), area: state.area, breakdown: 'none', item: id });
  const a = node('a', { href: '#' + p.toString(), 'data-indicator': id }, text);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    state.tab = 'sections'; state.section = number; state.query = ''; state.item = id; state.breakdown = 'none';
    el('breakdown').value = 'none'; el('search').value = '';
    show();
  });
  return a;
}

function legendBox(entries) {
  const d = node('div', { class: 'legend' });
  entries.forEach((e) => {
    const s = node('span', { 'data-label': e.label });
    const sw = node('span', { class: 'swatch' });
    sw.style.background = e.colour;
    s.appendChild(sw);
    s.appendChild(document.createTextNode(e.label));
    d.appendChild(s);
  });
  return d;
}

const COLOURS = { Better: '#5cb85c', Worse: '#d9534f', Similar: '#f0ad4e', Higher: '#1f4e9c', Lower: '#86b6e8', 'Not compared': '#9e9e9e' };

// --- Overview --------------------------------------------------------------------------------------------

async function showOverview(main, token) {
  const o = await getJson('api/views/overview?area=' + encodeURIComponent(state.area));
  if (token !== loadToken) return;
  main.appendChild(node('h1', { id: 'view-title' }, 'Overview \u2013 ' + o.area.name));
  const glance = node('div', { class: 'glance', id: 'glance' });
  glance.appendChild(node('h2', {}, 'At a glance'));
  const ul = node('ul');
  o.glance.forEach((g) => ul.appendChild(node('li', {}, g)));
  glance.appendChild(ul);
  main.appendChild(glance);
  const block = (title, groups, id, what) => {
    const wrapDiv = node('div', { class: 'verdict-list', id });
    wrapDiv.appendChild(node('h2', {}, title));
    const counts = node('div', { class: 'counts' });
    ['Better', 'Worse', 'Higher', 'Lower', 'Similar'].forEach((v) => {
      const box = node('div', { class: 'count-box', 'data-verdict': v });
      box.style.borderTopColor = COLOURS[v];
      box.appendChild(node('b', {}, String((groups[v] || []).length)));
      box.appendChild(document.createTextNode(v === 'Similar' ? 'similar to ' + what : v.toLowerCase() + ' than ' + what));
      counts.appendChild(box);
    });
    wrapDiv.appendChild(counts);
    ['Worse', 'Better', 'Higher', 'Lower'].forEach((v) => {
      const list = groups[v] || [];
      if (!list.length) return;
      wrapDiv.appendChild(node('h3', {}, 'Significantly ' + v.toLowerCase() + ' than ' + what + ' (' + list.length + ')'));
      const items = node('ul');
      list.forEach((i) => {
        const li = node('li');
        li.appendChild(indicatorLink(i.id, i.section + ' ' + i.name));
        li.appendChild(document.createTextNode(': ' + fmtValue(i.value, i.value_type) + ' (' + i.period + ')'));
        items.appendChild(li);
      });
      wrapDiv.appendChild(items);
    });
    main.appendChild(wrapDiv);
  };
  block('Compared with England (where England has a published value)', o.vs_england, 'vs-england', 'England');
  if (o.parent && o.area.type !== 'ICB') block('Compared with ' + shortName(o.parent), o.vs_parent, 'vs-parent', shortName(o.parent));
  if (o.children.length) {
    const kids = node('div', { class: 'verdict-list', id: 'children' });
    kids.appendChild(node('h2', {}, 'Areas within ' + o.area.name + ', compared with it'));
    o.children.forEach((c) => {
      const d = node('details', { 'data-area': c.code || '' });
      const parts = ['Worse', 'Better', 'Higher', 'Lower'].filter((v) => c.counts[v])
        .map((v) => v.toLowerCase() + ' on ' + c.counts[v]);
      d.appendChild(node('summary', {}, c.name + ': ' + (parts.length ? 'significantly ' + parts.join(', ')
        : 'no significant differences')));
      Object.entries(c.items).forEach(([v, list]) => {
        d.appendChild(node('h3', {}, v + ' than ' + o.area.name + ' (' + list.length + ')'));
        const ul2 = node('ul');
        list.forEach((i) => {
          const li = node('li');
          li.appendChild(indicatorLink(i.id, i.section + ' ' + i.name));
          li.appendChild(document.createTextNode(': ' + fmtValue(i.value, i.value_type)));
          ul2.appendChild(li);
        });
        d.appendChild(ul2);
      });
      kids.appendChild(d);
    });
    main.appendChild(kids);
  }
  main.appendChild(node('p', { class: 'status' }, 'Significance as published in the results (95% confidence '
    + 'intervals, Fingertips method). Follow an indicator to its charts; the Area profile tab shows every indicator.'));
}

// --- Area profile (spine chart) -----------------------------------------------------------------------------

async function showProfile(main, token) {
  const p = await getJson('api/views/profile?area=' + encodeURIComponent(state.area));
  if (token !== loadToken) return;
  main.appendChild(node('h1', { id: 'view-title' }, 'Area profile \u2013 ' + p.area.name));
  main.appendChild(node('p', {}, 'Latest period of each indicator (headline: persons, all ages in the indicator\'s '
    + 'age group). The bar shows the range across all ' + p.range_type + 's' + (p.range_type !== p.area_type
      ? ' (there is only one ' + p.area_type + ' in these results)' : '') + ': the light ends run from the lowest to the '
    + 'highest value (worst to best where the indicator has a polarity), the dark middle from the 25th to the 75th '
    + 'percentile; the line is England where it has a published value. The circle is ' + p.area.name
    + ', coloured by its significance against England where published, otherwise against its parent area.'));
  const used = [...new Set(p.rows.map((r) => r.significance))];
  main.appendChild(legendBox(p.legend.filter((l) => used.includes(l.label))));
  const tbl = node('table', { class: 'spine', id: 'spine' });
  const head = node('tr');
  ['Section', 'Indicator', 'Period', 'Count', 'Value', 'England', 'Compared with', 'Range across ' + p.range_type + 's']
    .forEach((h) => head.appendChild(node('th', {}, h)));
  tbl.appendChild(head);
  p.rows.forEach((r) => {
    const tr = node('tr', { 'data-id': r.id, 'data-significance': r.significance });
    tr.appendChild(node('td', {}, r.section));
    const name = node('td');
    name.appendChild(indicatorLink(r.id, r.name));
    tr.appendChild(name);
    tr.appendChild(node('td', {}, r.period));
    tr.appendChild(node('td', { class: 'num' + (r.count == null ? ' suppressed' : '') }, fmtCount(r.count)));
    tr.appendChild(node('td', { class: 'num' + (r.value == null ? ' suppressed' : '') }, fmtValue(r.value, r.value_type)));
    tr.appendChild(node('td', { class: 'num' }, r.england == null ? 'not published' : fmtValue(r.england, r.value_type)));
    tr.appendChild(node('td', {}, r.compared_with ? r.significance + ' (vs ' + shortName(r.compared_with) + ')' : 'Not compared'));
    const spine = node('td', { class: 'spine-cell' });
    spine.appendChild(spineSvg(r));
    tr.appendChild(spine);
    tbl.appendChild(tr);
  });
  const wrapDiv = node('div', { class: 'tablewrap' });
  wrapDiv.appendChild(tbl);
  main.appendChild(wrapDiv);
}

// One Fingertips-style spine: positions run from the left value (worst, or lowest) to the right (best, or
// highest). Drawn as SVG so the marker can be checked and read.
function spineSvg(r) {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 300;
  const H = 18;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', W);
  svg.setAttribute('height', H);
  svg.setAttribute('role', 'img');
  const mk = (tag, attrs) => { const e = document.createElementNS(NS, tag); Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v)); svg.appendChild(e); return e; };
  if (r.left === undefined || r.left === r.right) {
    svg.setAttribute('aria-label', 'no range: fewer than two areas of this type have a value');
    mk('text', { x: 4, y: 13, 'font-size': 10, fill: '#666' }).textContent = r.value == null ? 'suppressed' : 'one area only';
    return svg;
  }
  const pad = 8;
  const x = (v) => pad + (W - 2 * pad) * (v - r.left) / (r.right - r.left);
  const a = x(r.q25);
  const b = x(r.q75);
  mk('rect', { x: pad, y: 4, width: W - 2 * pad, height: 10, fill: '#c9d3df', class: 'spine-range' });
  mk('rect', { x: Math.min(a, b), y: 4, width: Math.abs(b - a), height: 10, fill: '#7f95b0', class: 'spine-iqr' });
  if (r.england != null && (r.england - r.left) * (r.england - r.right) <= 0) {
    mk('line', { x1: x(r.england), x2: x(r.england), y1: 0, y2: H, stroke: '#222', 'stroke-width': 2, class: 'spine-england' });
  }
  if (r.value != null) {
    mk('circle', { cx: x(r.value), cy: 9, r: 6, fill: r.colour, stroke: '#000', 'stroke-width': 1, class: 'spine-marker' });
  }
  svg.setAttribute('aria-label', r.name + ': ' + fmtValue(r.value, r.value_type) + '; range ' + fmtValue(r.min, r.value_type)
    + ' to ' + fmtValue(r.max, r.value_type));
  return svg;
}

// --- Compare areas ---------------------------------------------------------------------------------------

function indicatorPicker(onChange) {
  const label = node('label', {}, 'Indicator ');
  const sel = node('select', { id: 'indicator' });
  indicators.forEach((i) => sel.appendChild(node('option', { value: i.id }, i.section + ' ' + i.name)));
  sel.value = state.indicator;
  sel.addEventListener('change', () => { state.indicator = sel.value; onChange(); });
  label.appendChild(sel);
  return label;
}

async function showCompare(main, token) {
  const area = areaOf(state.area);
  main.appendChild(node('h1', { id: 'view-title' }, 'Compare areas'));
  const picker = node('div', { class: 'picker' });
  picker.appendChild(indicatorPicker(show));
  // areas of one type: those already chosen, else the chosen area's type (an ICB, the only one, is compared
  // through its Places); the type can be changed here
  const chosenType = state.areas.length && areaOf(state.areas[0]) ? areaOf(state.areas[0]).type : null;
  const type = chosenType || (area.type === 'ICB' && allAreas.some((a) => a.type === 'Place') ? 'Place' : area.type);
  const same = allAreas.filter((a) => a.type === type);
  if (!state.areas.length || !state.areas.every((c) => (areaOf(c) || {}).type === type)) {
    const parent = area.type === type ? area.parentCode : area.code;
    const siblings = same.filter((a) => a.parentCode === parent).map((a) => a.code);
    state.areas = siblings.length ? siblings.slice(0, 8) : same.slice(0, 8).map((a) => a.code);
    if (area.type === type && !state.areas.includes(area.code)) state.areas.unshift(area.code);
    toLink();
  }
  const typeLabel = node('label', {}, 'Area type ');
  const typeSel = node('select', { id: 'compare-type' });
  [...new Set(allAreas.map((a) => a.type))].filter((t) => t !== 'England' && allAreas.filter((a) => a.type === t).length > 1)
    .forEach((t) => typeSel.appendChild(node('option', { value: t }, t)));
  typeSel.value = type;
  typeSel.addEventListener('change', () => {
    const within = allAreas.filter((a) => a.type === typeSel.value);
    state.areas = within.slice(0, 8).map((a) => a.code);
    show();
  });
  typeLabel.appendChild(typeSel);
  picker.appendChild(typeLabel);
  const label = node('label', {}, type + 's to compare (Ctrl-click for several) ');
  const multi = node('select', { id: 'compare-areas', multiple: '' });
  same.forEach((a) => {
    const o = node('option', { value: a.code }, a.name);
    if (state.areas.includes(a.code)) o.selected = true;
    multi.appendChild(o);
  });
  multi.addEventListener('change', () => { state.areas = Array.from(multi.selectedOptions).map((o) => o.value); show(); });
  label.appendChild(multi);
  picker.appendChild(label);
  main.appendChild(picker);
  const c = await getJson('api/views/compare?indicator=' + encodeURIComponent(state.indicator) + '&areas='
    + encodeURIComponent(state.areas.join(',')));
  if (token !== loadToken) return;
  const fig = node('div', { class: 'figure', id: 'compare' });
  main.appendChild(fig);
  if (c.option) {
    const div = node('div', { class: 'chart' + (state.tables ? ' hidden' : ''), 'data-kind': 'bar_ci' });
    fig.appendChild(div);
    drawChart(div, c.option);
  } else if (c.error) fig.appendChild(node('p', { class: 'error' }, c.error));
  const t = { columns: ['area', 'type', 'count', 'denominator', 'value', 'lower_ci95', 'upper_ci95', 'compared_to_england', 'compared_to_parent'],
    rows: c.rows.map((r) => [r.name, r.type, sup(r.count), sup(r.denominator), sup(r.value), num(r.lower_ci95), num(r.upper_ci95),
      r.compared_to_england || 'Not compared', r.compared_to_parent || 'Not compared']) };
  const wrapDiv = node('div', { class: 'tablewrap' });
  wrapDiv.appendChild(table(t, ['text', 'text', 'count', 'count', 'number', 'number', 'number', 'text', 'text']));
  fig.appendChild(wrapDiv);
  if (c.key_points && c.key_points.length) {
    const ul = node('ul', { class: 'keypoints' });
    c.key_points.forEach((p) => ul.appendChild(node('li', {}, p)));
    fig.appendChild(ul);
  }
  // the practice (or other lower-level) funnel plot within the chosen area's ICB; in England's results
  // (phm build-england: regions, no practices) the ICBs within England
  const national = allAreas.some((a) => a.type === 'Region');
  const icb = national ? allAreas.find((a) => a.type === 'England') : allAreas.find((a) => a.type === 'ICB') || area;
  const funnelType = national ? 'ICB' : type === 'ICB' || type === 'Place' ? 'Practice' : type;
  const f = await getJson('api/views/funnel?indicator=' + encodeURIComponent(state.indicator) + '&area='
    + encodeURIComponent(icb.code) + '&area_type=' + encodeURIComponent(funnelType));
  if (token !== loadToken) return;
  const ff = node('div', { class: 'figure', id: 'funnel' });
  main.appendChild(ff);
  ff.appendChild(node('h2', {}, funnelType + ' funnel plot: ' + f.name + ', ' + (f.period || '') + ', within ' + f.area.name));
  if (f.error) {
    ff.appendChild(node('p', { class: 'note' }, f.error + '.'));
    return;
  }
  const div = node('div', { class: 'chart', 'data-kind': 'funnel' });
  ff.appendChild(div);
  drawChart(div, funnelOption(f, area));
  const outside = f.points.filter((p) => p.outside95);
  ff.appendChild(node('p', { class: 'keypoints' }, outside.length + ' of ' + f.points.length + ' ' + funnelType
    + 's lie outside the 95% limits (' + f.points.filter((p) => p.outside998).length + ' outside 99.8%). '
    + f.method + ' (' + fmtValue(f.baseline, f.value_type) + '); ' + f.area.name + '\'s published value: '
    + fmtValue(f.area_value, f.value_type) + '.' + (f.suppressed.length ? ' Not drawn (count or denominator suppressed): '
    + f.suppressed.length + '.' : '')));
}

function num(v) { return v === null || v === undefined ? null : String(v); }
// an empty published figure is suppressed (or not published for the area): said so, never shown as 0
function sup(v) { return v === null || v === undefined ? 'suppressed' : String(v); }

function funnelOption(f, focus) {
  const lim = (k) => f.limits[k];
  const xs = [].concat(...Object.values(f.limits).map((l) => l.map((r) => r[0])));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const ys = f.points.map((p) => p.value).concat([f.baseline], f.area_value == null ? [] : [f.area_value]);
  const span = Math.max(...ys) - Math.min(...ys) || Math.abs(f.baseline) || 1;
  const nice = (v) => Number(v.toPrecision(2));
  const yLo = nice(Math.max(0, Math.min(...ys) - span * 0.3));
  const yHi = nice(Math.max(...ys) + span * 0.3);
  const pct = /proportion|percent|%/i.test(f.value_type || '');
  const colour = (p) => (p.outside998 ? '#d9534f' : p.outside95 ? '#f0ad4e' : '#7f7f7f');
  const points = f.points.map((p) => ({ value: [p.denominator, p.value], name: p.name, significance: p.significance,
    itemStyle: { color: colour(p), borderColor: p.code === focus.code ? '#000' : colour(p), borderWidth: p.code === focus.code ? 2 : 0 },
    symbolSize: p.code === focus.code ? 12 : 7 }));
  const line = (name, k, type, col) => ({ name, type: 'line', data: lim(k), showSymbol: false, silent: true,
    color: col, lineStyle: { type, color: col, width: 1 } });
  return {
    title: { text: f.name + ': ' + f.area_type + 's within ' + f.area.name + ', ' + f.period,
      subtext: 'Funnel plot: ' + f.method + '. Outside 99.8% red, outside 95% amber', left: 'center', textStyle: { fontSize: 14 } },
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: (p) => (p.seriesType === 'scatter' ? esc(p.data.name) + '<br>'
      + fmtValue(p.data.value[1], f.value_type) + ' of ' + Math.round(p.data.value[0]).toLocaleString('en-GB') + ' (' + esc(p.data.significance) + ')' : '') },
    legend: { bottom: 0, data: ['Values', 'Centre', '95% limits', '99.8% limits'].concat(f.area_value == null ? [] : [shortName(f.area.name) + ' (published)']) },
    grid: { bottom: 70, top: 70, left: 60, right: 30 },
    xAxis: { type: 'value', name: 'Denominator', nameLocation: 'middle', nameGap: 28, scale: true },
    // the y axis spans the points with a margin, not the limits' extremes at tiny denominators
    yAxis: { type: 'value', name: pct ? '%' : (f.value_type || ''), min: yLo, max: yHi },
    series: [
      { name: 'Values', type: 'scatter', data: points, color: '#7f7f7f', z: 5 },
      { name: 'Centre', type: 'line', data: [[xMin, f.baseline], [xMax, f.baseline]], showSymbol: false, silent: true, color: '#000', lineStyle: { color: '#000', width: 1.5 } },
      ...(f.area_value == null ? [] : [{ name: shortName(f.area.name) + ' (published)', type: 'line', data: [[xMin, f.area_value], [xMax, f.area_value]],
        showSymbol: false, silent: true, color: '#005eb8', lineStyle: { color: '#005eb8', width: 1, type: 'dashed' } }]),
      line('95% limits', 'lower95', 'dashed', '#f0ad4e'), Object.assign(line('95% limits', 'upper95', 'dashed', '#f0ad4e'), { id: 'u95' }),
      line('99.8% limits', 'lower998', 'dotted', '#d9534f'), Object.assign(line('99.8% limits', 'upper998', 'dotted', '#d9534f'), { id: 'u998' }),
    ],
  };
}

// --- Map (schematic) ---------------------------------------------------------------------------------------

async function showMap(main, token) {
  main.appendChild(node('h1', { id: 'view-title' }, 'Map (schematic)'));
  const picker = node('div', { class: 'picker' });
  picker.appendChild(indicatorPicker(show));
  main.appendChild(picker);
  main.appendChild(node('p', { class: 'synthetic' }, 'There are no area boundaries or coordinates in these results, '
    + 'so this is not a geographic map: each box is an area, nested ICB \u2192 Place \u2192 neighbourhood \u2192 PCN '
    + '\u2192 practice, sized by the indicator\'s denominator and coloured by its value in five equal-count bands. '
    + 'The population in this build is synthetic, and so are its neighbourhoods and their names.'));
  const m = await getJson('api/views/map?indicator=' + encodeURIComponent(state.indicator) + '&area='
    + encodeURIComponent(state.area));
  if (token !== loadToken) return;
  const fig = node('div', { class: 'figure', id: 'map' });
  main.appendChild(fig);
  const legend = m.legend.map((b) => ({ label: fmtValue(b.from, m.value_type) + ' \u2013 ' + fmtValue(b.to, m.value_type), colour: b.colour }));
  legend.push({ label: 'Suppressed (no value published)', colour: m.suppressed_colour });
  const lg = legendBox(legend);
  lg.id = 'map-legend';
  lg.insertBefore(node('b', {}, m.name + ', ' + m.period + ':'), lg.firstChild);
  fig.appendChild(lg);
  const div = node('div', { class: 'chart', 'data-kind': 'treemap' });
  div.style.height = '620px';
  fig.appendChild(div);
  const o = m.option;
  o.tooltip.formatter = (p) => esc(p.name) + '<br>' + (p.data.areaType || '') + '<br>' + m.name + ': '
    + fmtValue(p.data.indicatorValue, m.value_type) + '<br>Denominator: ' + fmtCount(p.value);
  drawChart(div, o);
  if (m.not_drawn.length) fig.appendChild(node('p', { class: 'note' }, 'Not drawn (denominator not published): '
    + m.not_drawn.join(', ') + '.'));
}

init().catch((e) => { el('main').innerHTML = ''; el('main').appendChild(node('p', { class: 'error' }, 'Could not load: ' + e.message)); });

// --- my patients: the clinician's own risk list (patient-level; signed in, audited) -----------------------

// The token lives in this tab's sessionStorage only: closing the tab signs out. It is sent as a bearer
// header, never in a URL, so it reaches no address bar, history or server log.
const TOKEN_KEY = 'openphm.token';

async function showPatients(main, token) {
  main.appendChild(node('h2', {}, 'My patients: emergency admission risk list'));
  main.appendChild(node('p', { class: 'note' }, 'For clinicians caring for these patients (direct care). The list '
    + 'shows pseudonyms, never names or NHS numbers, and only your own practice or neighbourhood. Every request is '
    + 'recorded in the audit log.'));
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (!saved) { signInForm(main, ''); return; }
  const stratum = state.stratum || '';
  const r = await fetch('api/phm/risk-list' + (stratum ? '?stratum=' + encodeURIComponent(stratum) : ''),
    { headers: { Authorization: 'Bearer ' + saved }, cache: 'no-store' });
  if (token !== loadToken) return;
  const body = await r.json();
  if (r.status === 401) { sessionStorage.removeItem(TOKEN_KEY); signInForm(main, body.error); return; }
  if (!r.ok) {
    main.appendChild(node('p', { class: 'error', id: 'list-error' }, body.error || ('HTTP ' + r.status)));
    main.appendChild(signOutButton());
    return;
  }
  const bar = node('div', { class: 'controls' });
  bar.appendChild(node('span', { id: 'list-scope' }, 'Signed in: list for ' + body.scope + ', scored '
    + body.index_date + ' (' + body.rows.length + ' people' + (body.truncated ? ', the first 5,000' : '') + ')'));
  const select = node('select', { id: 'stratum' });
  ['', 'Top 0.5%', '0.5-5%', '5-20%', 'Rest'].forEach((v) => {
    const o = node('option', { value: v }, v || 'All strata');
    if (v === stratum) o.selected = true;
    select.appendChild(o);
  });
  select.addEventListener('change', () => { state.stratum = select.value; show(); });
  const label = node('label', {}, 'Stratum ');
  label.appendChild(select);
  bar.appendChild(label);
  bar.appendChild(signOutButton());
  main.appendChild(bar);
  const headers = { person_id: 'Pseudonym', risk_rank: 'Rank in ICB', risk: 'Risk (12 months)', stratum: 'Stratum',
    age: 'Age', sex: 'Sex', ltc_count: 'Long-term conditions', emergency_12m: 'Emergency admissions (12 months)',
    bed_days_12m: 'Bed days (12 months)', practice_code: 'Practice', neighbourhood_code: 'Neighbourhood' };
  const table = node('table', { id: 'patient-list', class: 'data' });
  const head = node('tr');
  body.columns.forEach((c) => head.appendChild(node('th', { scope: 'col' }, headers[c] || c)));
  table.appendChild(node('thead')).appendChild(head);
  const rows = node('tbody');
  body.rows.forEach((row) => {
    const tr = node('tr');
    row.forEach((v, i) => tr.appendChild(node('td', {}, body.columns[i] === 'risk' && v !== null
      ? (100 * v).toFixed(1) + '%' : v === null ? '' : String(v))));
    rows.appendChild(tr);
  });
  table.appendChild(rows);
  const wrap = node('div', { class: 'tablewrap' });
  wrap.appendChild(table);
  main.appendChild(wrap);
}

function signInForm(main, problem) {
  const form = node('form', { id: 'sign-in' });
  if (problem) form.appendChild(node('p', { class: 'error' }, problem));
  const label = node('label', {}, 'Access token (from your administrator: phm user add) ');
  const input = node('input', { id: 'token', type: 'password', autocomplete: 'off', required: 'required' });
  label.appendChild(input);
  form.appendChild(label);
  form.appendChild(node('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    show();
  });
  main.appendChild(form);
}

function signOutButton() {
  const b = node('button', { id: 'sign-out', type: 'button' }, 'Sign out');
  b.addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); state.stratum = ''; show(); });
  return b;
}

// --- scenario explorer: the Case for Change's levers on sliders (issue 12) --------------------------------

// The server prepared the scenario's runs once at start; each slider move asks it to re-evaluate them (a few
// milliseconds), so the page only waits for the network. A lever not moved keeps the scenario's own range,
// and so its uncertainty; a lever moved is fixed at its value in every run.
const EXPLORER_DEBOUNCE_MS = 150;
const AS_IS_COLOUR = '#7f7f7f';
const SCENARIO_COLOUR = '#005eb8';
const explorer = { meta: null, area: null, outcome: 'beds', year: null, set: {}, timer: null, seq: 0, answer: null };

async function showExplorer(main, token) {
  main.appendChild(node('h1', { id: 'view-title' }, 'Scenario explorer'));
  const r = await fetch('api/impact/levers');
  const body = await r.json();
  if (token !== loadToken) return;
  if (!r.ok) {
    const preparing = r.status === 503 && r.headers.get('Retry-After');
    main.appendChild(node('p', { class: preparing ? 'status' : 'note', id: 'explorer-status' }, preparing
      ? 'The scenario explorer is preparing\u2026 (reading the workspace and drawing the scenario\'s runs; this page '
        + 'retries by itself)' : body.error || ('HTTP ' + r.status)));
    if (preparing) setTimeout(() => { if (token === loadToken && state.tab === 'explorer') show(); }, 2000);
    return;
  }
  explorer.meta = body;
  if (!body.areas.some((a) => a.code === explorer.area)) {
    explorer.area = (body.areas.find((a) => a.code === state.area) || body.areas[0]).code;
  }
  if (!body.years.includes(explorer.year)) {
    explorer.year = body.report_years.includes('2036/37') ? '2036/37' : body.report_years[body.report_years.length - 1];
  }
  main.appendChild(node('p', { class: 'note' }, 'The ' + body.scenario + ' scenario (' + body.runs + ' Monte Carlo '
    + 'runs), re-run as you move a lever. A lever you have not moved keeps the scenario\'s range, shown under it; '
    + 'one you move is fixed at its value. Modelled totals for the ICB and its Places: a model of the stated '
    + 'assumptions, not a forecast.'));
  const bar = node('div', { class: 'controls explorer-controls' });
  const picker = (id, label, options, value, onChange) => {
    const select = node('select', { id });
    options.forEach(([v, text]) => { const o = node('option', { value: v }, text); if (v === value) o.selected = true; select.appendChild(o); });
    select.addEventListener('change', () => onChange(select.value));
    const l = node('label', {}, label + ' ');
    l.appendChild(select);
    bar.appendChild(l);
  };
  picker('explorer-area', 'Area', body.areas.map((a) => [a.code, shortName(a.name) + (a.type === 'Place' ? ' (Place)' : '')]),
    explorer.area, (v) => { explorer.area = v; requestImpact(0); });
  picker('explorer-outcome', 'Chart', body.outcomes.map((o) => [o.id, o.label]), explorer.outcome,
    (v) => { explorer.outcome = v; drawExplorer(); });
  picker('explorer-year', 'Year', body.years.slice(1).map((y) => [y, y]), explorer.year,
    (v) => { explorer.year = v; drawExplorer(); });
  const reset = node('button', { id: 'explorer-reset', type: 'button' }, 'Reset levers to the scenario');
  reset.addEventListener('click', () => { explorer.set = {}; show(); });
  bar.appendChild(reset);
  main.appendChild(bar);
  const levers = node('div', { class: 'levers', id: 'levers' });
  body.levers.forEach((l) => levers.appendChild(leverControl(l)));
  main.appendChild(levers);
  main.appendChild(node('div', { class: 'counts', id: 'explorer-headlines' }));
  const fan = node('div', { class: 'chart', id: 'explorer-fan', 'data-kind': 'fan' });
  main.appendChild(fan);
  main.appendChild(node('div', { id: 'explorer-waterfalls' }));
  main.appendChild(node('div', { id: 'explorer-claims' }));
  main.appendChild(node('p', { class: 'status', id: 'explorer-timing' }));
  await fetchImpact(token);
}

function leverValueText(l, v) {
  return Number(v).toLocaleString('en-GB', { maximumFractionDigits: 2 }) + (l.unit.startsWith('%') ? '' : ' ') + l.unit;
}

function leverControl(l) {
  const box = node('div', { class: 'lever', 'data-lever': l.id });
  const fixed = l.id in explorer.set;
  const value = fixed ? explorer.set[l.id] : l.default;
  const label = node('label', { for: 'lever-' + l.id, title: l.documentation }, l.label + ': ');
  const out = node('output', { id: 'lever-' + l.id + '-value' }, leverValueText(l, value));
  label.appendChild(out);
  box.appendChild(label);
  const input = node('input', { type: 'range', id: 'lever-' + l.id, min: String(l.min), max: String(l.max),
    step: String(l.step), value: String(value), 'aria-describedby': 'lever-' + l.id + '-range' });
  const range = node('span', { class: 'lever-range', id: 'lever-' + l.id + '-range' }, rangeText(l, fixed));
  const moved = () => {
    explorer.set[l.id] = Number(input.value);
    out.textContent = leverValueText(l, input.value);
    range.textContent = rangeText(l, true);
    requestImpact(EXPLORER_DEBOUNCE_MS);
  };
  input.addEventListener('input', moved);
  input.addEventListener('change', moved);
  box.appendChild(input);
  box.appendChild(range);
  return box;
}

function rangeText(l, fixed) {
  const scenario = l.low === l.high ? leverValueText(l, l.low) : leverValueText(l, l.low) + ' to ' + leverValueText(l, l.high);
  return fixed ? 'Fixed (the scenario: ' + scenario + ')' : 'The scenario: ' + scenario;
}

// Every move restarts the wait; only the last request's answer is drawn (an earlier one can arrive later).
function requestImpact(delay) {
  clearTimeout(explorer.timer);
  const token = loadToken;
  explorer.timer = setTimeout(() => { if (token === loadToken) fetchImpact(token); }, delay);
}

async function fetchImpact(token) {
  const seq = ++explorer.seq;
  const p = new URLSearchParams({ area: explorer.area });
  Object.entries(explorer.set).forEach(([k, v]) => p.set(k, String(v)));
  const started = performance.now();
  try {
    const a = await getJson('api/impact?' + p.toString());
    if (token !== loadToken || seq !== explorer.seq) return;
    explorer.answer = a;
    explorer.roundTrip = performance.now() - started;
    drawExplorer();
  } catch (e) {
    if (token !== loadToken || seq !== explorer.seq) return;
    el('explorer-timing').textContent = '';
    el('explorer-headlines').replaceChildren(node('p', { class: 'error' }, 'Could not run the scenario: ' + e.message));
  }
}

function fmtOutcome(v, o) {
  if (v === null || v === undefined) return '\u2013';
  if (o.unit === 'GBP') {
    return (v < 0 ? '\u2212' : '') + '\u00a3' + (Math.abs(v) / 1e6).toLocaleString('en-GB',
      { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + 'm';
  }
  const d = o.unit === 'WTE' ? 1 : 0;
  return Number(v).toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
}

function drawExplorer() {
  const a = explorer.answer;
  if (!a) return;
  const t = a.years.indexOf(explorer.year);
  const cards = el('explorer-headlines');
  cards.replaceChildren();
  a.outcomes.forEach((o) => {
    const s = o.scenario;
    const box = node('div', { class: 'count-box explorer-card', 'data-outcome': o.id });
    box.style.borderTopColor = o.id === explorer.outcome ? SCENARIO_COLOUR : '#9e9e9e';
    box.appendChild(node('span', {}, o.label + ', ' + a.years[t]));
    box.appendChild(node('b', { class: 'headline' }, fmtOutcome(s.p50[t], o)));
    // null: the funding gap before its year is not modelled; a count of 1 to 7 is suppressed by the count rule
    box.appendChild(node('span', {}, s.p10[t] === null && s.p90[t] === null
      ? (o.unit === 'GBP' ? 'not modelled this year' : 'suppressed (a count of 1 to 7)')
      : '(' + fmtOutcome(s.p10[t], o) + '\u2013' + fmtOutcome(s.p90[t], o) + ') vs ' + fmtOutcome(o.as_is.p50[t], o) + ' as is'));
    box.addEventListener('click', () => { explorer.outcome = o.id; el('explorer-outcome').value = o.id; drawExplorer(); });
    cards.appendChild(box);
  });
  const outcome = a.outcomes.find((o) => o.id === explorer.outcome) || a.outcomes[0];
  explorerChart(el('explorer-fan'), fanOption(a, outcome));
  const falls = el('explorer-waterfalls');
  a.waterfalls.forEach((w, i) => {
    let div = falls.children[i];
    if (!div) { div = node('div', { class: 'chart', 'data-kind': 'waterfall', id: 'explorer-waterfall-' + w.outcome }); falls.appendChild(div); }
    explorerChart(div, waterfallOption(a, w));
  });
  const claims = el('explorer-claims');
  claims.replaceChildren();
  if (a.claims) {
    claims.appendChild(node('h2', {}, 'The Case for Change\'s claims under these levers'));
    const rows = a.claims.map((c) => [c.claim, c.year, String(c.seed_value), c.p50 === null ? '' : String(c.p50),
      c.p10 === null ? '' : c.p10 + ' \u2013 ' + c.p90, c.verdict]);
    const wrap = node('div', { class: 'tablewrap' });
    wrap.appendChild(table({ columns: ['claim', 'year', 'the_seed_says', 'our_median', 'our_p10_to_p90', 'verdict'], rows },
      ['text', 'text', 'number', 'number', 'text', 'text']));
    wrap.querySelector('table').id = 'claims-table';
    claims.appendChild(wrap);
  }
  el('explorer-timing').textContent = 'Answered in ' + Math.round(explorer.roundTrip) + ' ms (the model: '
    + a.elapsed_ms + ' ms on the server).';
}

// Charts are updated in place (not disposed and re-created) so a slider's answer redraws without a flicker.
function explorerChart(div, option) {
  const o = withFormatters(option, div.clientWidth || 900, div);
  const chart = echarts.getInstanceByDom(div) || echarts.init(div, null, { renderer: 'svg' });
  chart.setOption(o, true);
}

// As the pack's fan charts: a line per model at the median, its points carrying p10 and p90 for the tooltip, and
// a band from p10 to p90 (a transparent line at p10 with the width stacked on it) named after the line.
function fanOption(a, o) {
  const series = [];
  const bands = [];
  [['As is', o.as_is, AS_IS_COLOUR, 'dashed'], ['Scenario', o.scenario, SCENARIO_COLOUR, 'solid']].forEach(([name, s, colour, type], k) => {
    series.push({ name, type: 'line', connectNulls: false, itemStyle: { color: colour }, lineStyle: { color: colour, type, width: 2.5 },
      data: s.p50.map((v, i) => (v === null ? '-' : { value: v, lower: s.p10[i], upper: s.p90[i] })) });
    const band = name + ' ' + a.band;
    bands.push({ id: 'ci-lower-' + k, name: band, type: 'line', stack: 'ci-' + k, symbol: 'none', silent: true,
      lineStyle: { opacity: 0 }, data: s.p10.map((v) => (v === null ? '-' : v)) });
    bands.push({ id: 'ci-band-' + k, name: band, type: 'line', stack: 'ci-' + k, symbol: 'none', silent: true,
      lineStyle: { opacity: 0 }, areaStyle: { color: colour, opacity: 0.16 },
      data: s.p90.map((v, i) => (v === null || s.p10[i] === null ? '-' : v - s.p10[i])) });
  });
  return {
    title: { text: o.label + ': ' + shortName(a.area.name), subtext: 'As is and under the scenario \u00b7 Shaded: ' + a.band, left: 'center' },
    xAxis: { type: 'category', data: a.years, name: 'Year' },
    yAxis: { type: 'value', name: o.unit, scale: true },
    legend: { bottom: 0, data: ['As is', 'Scenario'] },
    grid: { bottom: 70, top: 70 },
    tooltip: { trigger: 'axis', formatter: 'with-ci' },
    aria: { enabled: true },
    animation: false,
    series: series.concat(bands),
  };
}

// As the pack's waterfalls: each change floats on an invisible bar as tall as its lower edge; totals stand on
// zero. Stacked as one group so a bar over a negative edge is not drawn from zero.
function waterfallOption(a, w) {
  const base = [];
  const bars = [];
  let running = 0;
  w.steps.forEach((s) => {
    if (s.value === null) { // withheld: the count rule suppresses the baseline or the total
      base.push('-');
      bars.push('-');
      return;
    }
    const total = s.kind === 'total';
    const low = total ? Math.min(0, s.value) : Math.min(running, running + s.value);
    running = total ? s.value : running + s.value;
    const colour = total ? '#7f7f7f' : s.value < 0 ? '#D55E00' : '#0072B2';
    const figure = (total || s.value < 0 ? '' : '+') + Math.round(s.value).toLocaleString('en-GB');
    base.push(low);
    bars.push({ value: Math.abs(s.value), itemStyle: { color: colour }, label: { formatter: figure },
      tooltip: { formatter: '{b}<br/>' + (total ? 'Total: ' : 'Change: ') + figure } });
  });
  return {
    title: { text: w.label + ': what moves it by ' + w.year, subtext: shortName(a.area.name) + ', mean of ' + a.runs + ' runs', left: 'center' },
    xAxis: { type: 'category', data: w.steps.map((s) => s.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: w.unit },
    grid: { bottom: 80, top: 70 },
    tooltip: { trigger: 'item' },
    animation: false,
    series: [
      { id: 'waterfall-base', name: 'base', type: 'bar', stack: 'waterfall', stackStrategy: 'all', data: base,
        itemStyle: { color: 'transparent' }, silent: true, tooltip: { show: false }, emphasis: { disabled: true } },
      { id: 'waterfall-steps', name: w.unit, type: 'bar', stack: 'waterfall', stackStrategy: 'all', data: bars,
        barMaxWidth: 64, label: { show: true, position: 'top', fontSize: 11 } },
    ],
  };
}
