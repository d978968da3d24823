// The case page /cases/{caseNumber}: reads the case file API with the browser's login and shows it. Every value is
// set as text (never as HTML), so nothing a case holds can run as script here.
(function () {
  'use strict';

  var TASKLIST = '/camunda/app/tasklist/default/';
  var DEADLINE_KINDS = {
    FIRST_RESPONSE: '首次响应', VERIFICATION: '初步核实', RESOLUTION: '处理完结', REPLY: '答复',
    VISIT: '上门服务', SPARE_PARTS: '备件', FACTORY_RETURN: '返厂维修', RETURN_VISIT: '回访',
    SIGN_FOR: '签收', FIRST_CONTACT: '首次联系', HANDLING: '办理', APPROVAL: '审批',
    FORMAL_REVIEW: '形式审查', REVIEW_MEETING: '评审会', MANAGEMENT_REVIEW: '管理评审'
  };
  var PARTIES = { customer: '客户', supplier: '供应商', ourselves: '我方' };

  var caseNumber = decodeURIComponent(window.location.pathname.replace(/\/+$/, '').split('/').pop());

  function $(id) { return document.getElementById(id); }

  function text(value) { return value === null || value === undefined || value === '' ? '—' : String(value); }

  /** "2026-11-12T17:30:00+08:00" → "2026-11-12 17:30" (the API answers in the calendar zone). */
  function time(value) {
    return value ? String(value).replace('T', ' ').substring(0, 16) : '—';
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    td.textContent = text(value);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function fact(label, value) {
    var dt = document.createElement('dt');
    dt.textContent = label;
    var dd = document.createElement('dd');
    dd.textContent = text(value);
    $('facts').appendChild(dt);
    $('facts').appendChild(dd);
  }

  function load(path) {
    return fetch(path, {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error('HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function show(message, link) {
    $('loading').hidden = true;
    $('case').hidden = true;
    var box = $('message');
    box.textContent = message;
    if (link) {
      box.appendChild(document.createTextNode(' '));
      var a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      box.appendChild(a);
    }
    box.hidden = false;
    document.body.dataset.loaded = 'error';
  }

  function failed(error) {
    if (error.status === 401) {
      show('您尚未登录或登录已失效，无法查看案件 ' + caseNumber + '。请先登录 Tasklist，再重新打开本页。',
        { href: TASKLIST, text: '登录 Tasklist' });
    } else if (error.status === 403) {
      show('您无权查看案件 ' + caseNumber + '。如需查看，请联系案件的承办部门或系统管理员。');
    } else if (error.status === 404) {
      show('未找到案件 ' + caseNumber + '，请核对案件编号。');
    } else {
      show('案件 ' + caseNumber + ' 暂时无法加载（' + (error.status ? 'HTTP ' + error.status : '网络错误') + '），请稍后重试。');
    }
  }

  function header(file) {
    $('case-number').textContent = file.caseNumber;
    $('process-label').textContent = file.processLabel;
    $('status').textContent = text(file.status);
    document.title = '案件 ' + file.caseNumber + ' - ServiceFlow';
    fact('客户', file.customerName);
    fact('电话', file.customerPhone);
    fact('电子邮箱', file.customerEmail);
    fact('渠道', file.channelLabel);
    fact('类别', file.categoryLabel);
    fact(file.processKey === 'complaint' ? '严重程度' : '紧急程度', file.severityLabel);
    fact('优先处理', file.servedFirst ? '是：' + file.servedFirst : '否');
    fact('负责部门', file.ownerGroupLabel);
    fact('负责人', file.ownerUser);
    fact('受理时间', time(file.openedAt));
    fact('结案时间', time(file.closedAt));
    fact('办理结果', file.outcome);
    fact('查办', file.flaggedForReview ? '是：' + text(file.reviewReason) : '否');
  }

  function deadlines(list) {
    var body = $('deadlines').querySelector('tbody');
    list.forEach(function (d) {
      var row = document.createElement('tr');
      row.dataset.kind = d.kind;
      row.dataset.state = d.state;
      cell(row, DEADLINE_KINDS[d.kind] || d.kind);
      cell(row, time(d.dueAt));
      cell(row, time(d.warningAt));
      cell(row, time(d.metAt));
      var state = cell(row, '');
      var badge = document.createElement('span');
      badge.className = 'state state-' + d.state;
      badge.textContent = d.stateLabel + (d.state === 'MET' ? (d.metInTime ? '（按时）' : '（超时）') : '');
      state.textContent = '';
      state.appendChild(badge);
      cell(row, d.extendedAt ? '已延期：原到期 ' + time(d.originalDueAt) + '，' + time(d.extendedAt) + ' 批准' : '');
      body.appendChild(row);
    });
    $('no-deadlines').hidden = list.length > 0;
    $('deadlines').hidden = list.length === 0;
  }

  function pauses(list) {
    var body = $('pauses').querySelector('tbody');
    list.forEach(function (p) {
      var row = document.createElement('tr');
      cell(row, time(p.startedAt));
      cell(row, p.startedBy);
      cell(row, p.endedAt ? time(p.endedAt) : '挂起中');
      cell(row, p.endedBy);
      cell(row, PARTIES[p.party] || p.party);
      cell(row, p.stopsClock ? '是' : '否');
      cell(row, p.pausedWorkingTime);
      cell(row, p.reason);
      body.appendChild(row);
    });
    $('no-pauses').hidden = list.length > 0;
    $('pauses').hidden = list.length === 0;
  }

  function timeline(entries) {
    var body = $('timeline').querySelector('tbody');
    entries.forEach(function (e) {
      var row = document.createElement('tr');
      cell(row, time(e.occurredAt));
      cell(row, e.actor);
      cell(row, e.action);
      cell(row, e.outcome);
      body.appendChild(row);
    });
  }

  function cockpit(file, me) {
    if (file.processInstanceId && me.apps && me.apps.indexOf('cockpit') >= 0) {
      $('cockpit-link').href = '/camunda/app/cockpit/default/#/process-instance/'
        + encodeURIComponent(file.processInstanceId) + '/runtime';
      $('cockpit').hidden = false;
    }
  }

  var base = '/api/cases/' + encodeURIComponent(caseNumber);
  load(base).then(function (file) {
    return Promise.all([load(base + '/timeline'), load(base + '/pauses'), load('/api/me')]).then(function (more) {
      header(file);
      deadlines(file.deadlines || []);
      timeline(more[0]);
      pauses(more[1]);
      cockpit(file, more[2]);
      $('knowledge-link').hidden = !(more[2].pages && more[2].pages.indexOf('/knowledge') >= 0);
      $('loading').hidden = true;
      $('case').hidden = false;
      document.body.dataset.loaded = 'true';
    });
  }).catch(failed);
}());
