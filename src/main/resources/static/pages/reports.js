// The managers' dashboard (/reports/) and a report record (/reports/{id}), in Chinese. Reads /api/reports/… with the
// browser's login (the Tasklist session or HTTP Basic): what the API answers is what the caller may see.
'use strict';

const PROCESS_LABELS = { complaint: '投诉', afterSalesService: '售后服务', processChange: '流程变更', hotline12345: '12345热线' };
const DEADLINE_LABELS = {
  FIRST_RESPONSE: '首次响应', VERIFICATION: '核实', RESOLUTION: '处理', RETURN_VISIT: '回访', VISIT: '上门',
  REPLY: '答复', SPARE_PARTS: '备件', FACTORY_RETURN: '返厂', SIGN_FOR: '签收', FIRST_CONTACT: '先行联系',
  HANDLING: '办理', FORMAL_REVIEW: '形式审查', REVIEW_MEETING: '评审会', MANAGEMENT_REVIEW: '管理者代表审核',
  APPROVAL: '审批'
};
const STATUS_LABELS = { COMPILED: '待审核', REVIEWED: '待审批', CONFIRMED: '已确认' };
const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false
});

function el(id) { return document.getElementById(id); }

function time(iso) { return iso ? TIME.format(new Date(iso)).replace(/\//g, '-') : '—'; }

class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function api(path) {
  // X-Requested-With: a 401 then carries no WWW-Authenticate, so the browser shows the page's message, not a password box
  const response = await fetch(path, {
    credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail || ''; } catch (ignored) { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

function showError(error) {
  document.body.dataset.loaded = 'error';
  const message = el('message');
  message.hidden = false;
  if (error.status === 401) {
    message.innerHTML = '请先登录：<a href="/camunda/app/tasklist/default/">登录 Tasklist</a>，然后重新打开本页。';
  } else if (error.status === 403) {
    message.textContent = '您无权查看这些报表。';
  } else if (error.status === 404) {
    message.textContent = '没有这份报表。';
  } else {
    message.textContent = '无法加载报表' + (error.message ? '：' + error.message : '。');
  }
}

/** One value as staff read it (the same rules as the export). */
function value(column, v) {
  if (v === null || v === undefined) { return '—'; }
  switch (column.kind) {
    case 'RATE': return (v * 100).toFixed(1) + '%';
    case 'MONEY': return Number(v).toFixed(2);
    case 'HOURS': return Number(v).toFixed(1);
    default: return String(v);
  }
}

function caseLink(number) {
  const a = document.createElement('a');
  a.href = '/cases/' + encodeURIComponent(number);
  a.textContent = number;
  return a;
}

/** Renders a report table into a <table>; case numbers link to the case page. */
function renderTable(tableEl, table, rows) {
  const head = document.createElement('tr');
  table.columns.forEach(c => { const th = document.createElement('th'); th.textContent = c.label; head.appendChild(th); });
  tableEl.tHead.replaceChildren(head);
  const body = tableEl.tBodies[0];
  body.replaceChildren();
  (rows || table.rows).forEach(row => {
    const tr = document.createElement('tr');
    tr.dataset.scope = table.scopeColumn ? row[table.scopeColumn] : '';
    table.columns.forEach(c => {
      const td = document.createElement('td');
      if (c.kind !== 'TEXT') { td.className = 'number'; }
      if (c.key === 'caseNumber' && row[c.key]) { td.appendChild(caseLink(row[c.key])); } else { td.textContent = value(c, row[c.key]); }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
}

function chart(id, option) {
  const node = el(id);
  const instance = echarts.init(node, null, { renderer: 'canvas' });
  instance.setOption(option);
  node.dataset.rendered = 'true';
  return instance;
}

function trendChart(trend) {
  const months = trend.map(f => f.period);
  const processes = trend[0].tables[0].rows.map(r => r.process);
  const series = processes.map(p => ({
    name: PROCESS_LABELS[p] || p, type: 'line', connectNulls: true,
    data: trend.map(f => {
      const row = f.tables[0].rows.find(r => r.process === p);
      return row && row.onTimeRate !== null ? Math.round(row.onTimeRate * 1000) / 10 : null;
    })
  }));
  el('trend-section').hidden = false;
  chart('trend-chart', {
    tooltip: { trigger: 'axis', valueFormatter: v => (v === null || v === undefined ? '—' : v + '%') },
    legend: { top: 4 }, grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series
  });
  el('trend-chart').dataset.series = String(series.length);
}

function unitsPart(units, month) {
  el('units-section').hidden = false;
  const summary = units.tables.find(t => t.key === 'units');
  const late = units.tables.find(t => t.key === 'lateSteps');
  renderTable(el('units'), summary);
  renderTable(el('late'), late);
  const counts = {};
  summary.rows.forEach(r => { counts[r.unit] = { name: r.unitName, late: 0 }; });
  late.rows.forEach(r => {
    counts[r.unit] = counts[r.unit] || { name: r.unitName, late: 0 };
    counts[r.unit].late += 1;
  });
  const ids = Object.keys(counts).sort((a, b) => counts[b].late - counts[a].late);
  const instance = chart('units-chart', {
    tooltip: { trigger: 'axis' }, grid: { left: 48, right: 24, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: ids.map(id => counts[id].name) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '超时次数', type: 'bar', data: ids.map(id => counts[id].late), itemStyle: { color: '#c0392b' } }]
  });
  el('units-chart').dataset.bars = ids.map(id => id + ':' + counts[id].late).join(',');
  instance.on('click', params => showLateOf(ids[params.dataIndex], counts[ids[params.dataIndex]].name, late));
  el('units-xlsx').href = '/api/reports/figures/export?type=unitAssessment&format=xlsx&period=' + month;
  el('units-csv').href = '/api/reports/figures/export?type=unitAssessment&format=csv&period=' + month;
}

/** The late steps of one unit only (a click on its bar). */
function showLateOf(unit, name, late) {
  el('late-title').textContent = '超时明细：' + name;
  renderTable(el('late'), late, late.rows.filter(r => r.unit === unit));
  el('late').dataset.unit = unit;
}

function openDeadlines(list) {
  const body = el('open').tBodies[0];
  body.replaceChildren();
  el('no-open').hidden = list.length > 0;
  list.forEach(d => {
    const tr = document.createElement('tr');
    const number = document.createElement('td');
    number.appendChild(caseLink(d.caseNumber));
    tr.appendChild(number);
    const state = d.overdue ? ['overdue', '已超期'] : ['warned', '即将超期'];
    [PROCESS_LABELS[d.process] || d.process, DEADLINE_LABELS[d.kind] || d.kind, time(d.dueAt)].forEach(text => {
      const td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
    });
    const stateCell = document.createElement('td');
    stateCell.innerHTML = '<span class="state state-' + state[0] + '"></span>';
    stateCell.firstChild.textContent = state[1];
    tr.appendChild(stateCell);
    const group = document.createElement('td'); group.textContent = d.group || '—'; tr.appendChild(group);
    body.appendChild(tr);
  });
}

function recordsList(records) {
  const body = el('records').tBodies[0];
  body.replaceChildren();
  el('no-records').hidden = records.length > 0;
  records.forEach(r => {
    const tr = document.createElement('tr');
    const name = document.createElement('td');
    const a = document.createElement('a'); a.href = '/reports/' + r.id; a.textContent = r.label; name.appendChild(a);
    tr.appendChild(name);
    [r.period, STATUS_LABELS[r.status] || r.status, r.confirmedBy || '—', time(r.confirmedAt)].forEach(text => {
      const td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
    });
    body.appendChild(tr);
  });
}

/** The 24 months up to the last one that has ended, in Chinese (年/月), the shown one selected. */
function monthChoices(shown) {
  const select = el('month');
  const now = new Date();
  const options = [];
  for (let back = 1; back <= 24; back++) {
    const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
    const value = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
    options.push([value, d.getFullYear() + ' 年 ' + (d.getMonth() + 1) + ' 月']);
  }
  if (!options.some(([value]) => value === shown)) { options.push([shown, shown]); }
  select.replaceChildren(...options.map(([value, label]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    option.selected = value === shown;
    return option;
  }));
}

async function dashboard(month) {
  const data = await api('/api/reports/dashboard' + (month ? '?period=' + encodeURIComponent(month) : ''));
  el('dashboard').hidden = false;
  monthChoices(data.period);
  const compiled = [data.units, data.complaints].concat(data.trend || []).filter(f => f).map(f => f.compiledAt).sort()[0];
  el('month-note').textContent = '（' + data.period + '，数字编制于 ' + time(compiled)
    + '，看板保留数字 5 分钟；每项数字的口径见 docs/reporting.md）';
  if (data.trend) { trendChart(data.trend); }
  if (data.units) { unitsPart(data.units, data.period); }
  if (data.complaints) {
    el('complaints-section').hidden = false;
    renderTable(el('departments'), data.complaints.tables.find(t => t.key === 'byDepartment'));
  }
  openDeadlines(data.openDeadlines);
  recordsList(await api('/api/reports'));
}

async function record(id) {
  const r = await api('/api/reports/' + id);
  el('record').hidden = false;
  el('record-title').textContent = r.label + '（' + r.period + '）';
  const facts = [['状态', STATUS_LABELS[r.status] || r.status], ['编制时间', time(r.compiledAt)], ['完成期限', time(r.dueAt)],
    ['确认人', r.confirmedBy || '—'], ['确认时间', time(r.confirmedAt)], ['审批人', r.approvedBy || '—'],
    ['审核意见', r.comments || '—'], ['改进措施', r.measures || '—']];
  el('record-facts').replaceChildren(...facts.flatMap(([k, v]) => {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    return [dt, dd];
  }));
  el('record-xlsx').href = '/api/reports/' + id + '/export?format=xlsx';
  el('record-csv').href = '/api/reports/' + id + '/export?format=csv';
  const container = el('record-tables');
  container.replaceChildren();
  r.figures.tables.forEach(t => {
    const h = document.createElement('h2'); h.textContent = t.title; container.appendChild(h);
    const table = document.createElement('table');
    table.appendChild(document.createElement('thead'));
    table.appendChild(document.createElement('tbody'));
    container.appendChild(table);
    renderTable(table, t);
  });
  el('compare').onclick = () => compare(id);
}

const PRESENCE_LABELS = { BOTH: '', FROZEN_ONLY: '仅冻结版本有', LIVE_ONLY: '仅重新编制有' };

/** A difference (live − frozen) as staff read it: signed; a rate in percentage points. */
function difference(column, d) {
  if (d === null || d === undefined) { return ''; }
  const sign = d > 0 ? '+' : (d < 0 ? '−' : '±');
  const size = Math.abs(d);
  switch (column.kind) {
    case 'RATE': return sign + (size * 100).toFixed(1) + ' 个百分点';
    case 'MONEY': return sign + size.toFixed(2);
    case 'HOURS': return sign + size.toFixed(1);
    default: return sign + String(size);
  }
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

/** One compared table: a first column saying how the row compares, then each cell (changed: frozen → live, difference). */
function comparisonTable(container, t) {
  const h = document.createElement('h3');
  h.textContent = t.title + (t.presence !== 'BOTH' ? '（' + PRESENCE_LABELS[t.presence] + '）' : '');
  container.appendChild(h);
  const table = document.createElement('table');
  table.dataset.table = t.key;
  const head = document.createElement('tr');
  ['对比'].concat(t.columns.map(c => c.label)).forEach(label => {
    const th = document.createElement('th'); th.textContent = label; head.appendChild(th);
  });
  table.createTHead().appendChild(head);
  const body = table.createTBody();
  t.rows.forEach(r => {
    const tr = document.createElement('tr');
    tr.dataset.presence = r.presence;
    if (r.presence !== 'BOTH') { tr.className = r.presence === 'FROZEN_ONLY' ? 'only-frozen' : 'only-live'; }
    const mark = document.createElement('td');
    mark.className = 'mark';
    mark.textContent = r.presence !== 'BOTH' ? PRESENCE_LABELS[r.presence] : (r.changed ? '有变化' : '一致');
    tr.appendChild(mark);
    t.columns.forEach(c => {
      const cell = r.cells[c.key];
      const td = document.createElement('td');
      td.dataset.column = c.key;
      if (c.kind !== 'TEXT') { td.className = 'number'; }
      if (cell.changed) {
        td.classList.add('changed');
        td.title = '冻结版本：' + value(c, cell.frozen) + '；重新编制：' + value(c, cell.live);
        td.append(span('frozen', value(c, cell.frozen)), ' → ', span('live', value(c, cell.live)));
        const diff = difference(c, cell.difference);
        if (diff) { td.append(' ', span('diff', '（' + diff + '）')); }
      } else {
        td.textContent = value(c, r.presence === 'LIVE_ONLY' ? cell.live : cell.frozen);
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  container.appendChild(table);
}

/** How many things differ: changed cells, rows and tables found in one copy only. */
function differences(comparison) {
  return comparison.tables.reduce((n, t) => n + (t.presence !== 'BOTH' ? 1 : t.rows.reduce((m, r) =>
    m + (r.presence !== 'BOTH' ? 1 : Object.values(r.cells).filter(c => c.changed).length), 0)), 0);
}

/** 重新编制并对比: the record's month compiled now (not stored), set against the frozen copy. */
async function compare(id) {
  const section = el('comparison-section');
  const summary = el('comparison-summary');
  const button = el('compare');
  button.disabled = true;
  delete section.dataset.loaded;
  try {
    const c = await api('/api/reports/' + id + '/comparison');
    const container = el('comparison-tables');
    container.replaceChildren();
    summary.hidden = false;
    const when = '（冻结版本编制于 ' + time(c.frozenAt) + '，重新编制于 ' + time(c.liveAt) + '）';
    if (c.identical) {
      summary.className = 'summary same';
      summary.textContent = '与冻结版本一致' + when;
    } else {
      summary.className = 'summary differs';
      summary.textContent = '与冻结版本有 ' + differences(c) + ' 处不同' + when
        + '：有变化的格子显示「冻结值 → 重新编制值（差值）」，只在一份中有的行单独标出。';
    }
    c.tables.forEach(t => comparisonTable(container, t));
    section.dataset.loaded = 'true';
  } catch (error) {
    summary.hidden = false;
    summary.className = 'summary differs';
    summary.textContent = '无法重新编制' + (error.message ? '：' + error.message : '。');
    section.dataset.loaded = 'error';
  } finally {
    button.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const match = window.location.pathname.match(/^\/reports\/(\d+)$/);
  const load = match ? record(match[1]) : dashboard(new URLSearchParams(window.location.search).get('period'));
  load.then(() => { document.body.dataset.loaded = 'true'; }, showError);
  el('month-form').addEventListener('submit', event => {
    event.preventDefault();
    window.location.search = '?period=' + encodeURIComponent(el('month').value);
  });
});
