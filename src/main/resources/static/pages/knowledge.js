// The knowledge base page /knowledge (docs/knowledge-base.md): searches and reads /api/knowledge with the browser's
// login; maintainers (12345 督办, 客服主管, 系统管理员) also create, edit and delete entries there. Every value is set as
// text (never as HTML). Writes carry the session's XSRF token from /api/me (the webapps' cookie is not readable here).
(function () {
  'use strict';

  var TASKLIST = '/camunda/app/tasklist/default/';
  var API = '/api/knowledge';
  var MAINTAINERS = ['hotline-supervisors', 'customer-service-lead', 'camunda-admin'];
  var OWNERS = { 'hotline-supervisors': '12345 督办', 'customer-service-lead': '客服主管' };
  var FIELDS = ['title', 'category', 'answer', 'source', 'ownerGroup', 'reviewDate'];

  var me = null;
  var maintainer = false;
  var shown = null; // the entry in the entry view
  var editing = null; // the entry being edited, null for a new one

  function $(id) { return document.getElementById(id); }

  function text(value) { return value === null || value === undefined || value === '' ? '—' : String(value); }

  /** "2026-11-12T09:30:00Z" → "2026-11-12 17:30" in the browser's zone. */
  function time(value) {
    if (!value) { return '—'; }
    var d = new Date(value);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  function request(method, path, body) {
    var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (method !== 'GET') {
      headers['X-XSRF-TOKEN'] = (me && me.xsrfToken) || '';
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, {
      method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 204) {
        return null;
      }
      return response.text().then(function (raw) {
        var json = null;
        try { json = raw ? JSON.parse(raw) : null; } catch (ignored) { json = null; }
        if (!response.ok) {
          var error = new Error('HTTP ' + response.status);
          error.status = response.status;
          error.problem = json;
          throw error;
        }
        return json;
      });
    });
  }

  function show(message, link) {
    $('loading').hidden = true;
    $('knowledge').hidden = true;
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
      show('您尚未登录或登录已失效，无法查阅知识库。请先登录 Tasklist，再重新打开本页。',
        { href: TASKLIST, text: '登录 Tasklist' });
    } else if (error.status === 403) {
      show('您无权查阅知识库：知识库供话务员、客服人员和知识库维护人员使用。');
    } else {
      show('知识库暂时无法加载（' + (error.status ? 'HTTP ' + error.status : '网络错误') + '），请稍后重试。');
    }
  }

  function notice(message) {
    $('notice').textContent = message;
    $('notice').hidden = !message;
  }

  function problemText(error) {
    return (error.problem && error.problem.detail) || ('HTTP ' + (error.status || '网络错误'));
  }

  // ---- results and the entry view ----

  function line(parent, className, value) {
    var div = document.createElement('div');
    div.className = className;
    div.textContent = value;
    parent.appendChild(div);
    return div;
  }

  function results(list, title) {
    $('results-title').textContent = title;
    var box = $('results');
    box.textContent = '';
    list.forEach(function (entry) {
      var item = document.createElement('li');
      item.dataset.id = String(entry.id);
      line(item, 'result-title', entry.title);
      line(item, 'result-meta', '分类：' + text(entry.category) + ' ｜ 来源：' + text(entry.source)
        + ' ｜ 复核日期：' + text(entry.reviewDate));
      line(item, 'result-snippet', entry.snippet || shorten(entry.answer));
      item.addEventListener('click', function () { open(entry.id, true); });
      box.appendChild(item);
    });
    $('no-results').hidden = list.length > 0;
    mark();
  }

  function shorten(answer) {
    var value = answer || '';
    return value.length > 80 ? value.substring(0, 80) + '……' : value;
  }

  function mark() {
    Array.prototype.forEach.call($('results').children, function (item) {
      item.classList.toggle('selected', shown !== null && item.dataset.id === String(shown.id));
    });
  }

  function fact(label, value) {
    var dt = document.createElement('dt');
    dt.textContent = label;
    var dd = document.createElement('dd');
    dd.textContent = text(value);
    $('entry-facts').appendChild(dt);
    $('entry-facts').appendChild(dd);
  }

  function view(entry) {
    shown = entry;
    $('editor').hidden = true;
    $('confirm-delete').hidden = true;
    $('entry-title').textContent = '#' + entry.id + ' ' + entry.title;
    $('entry-facts').textContent = '';
    fact('分类', entry.category);
    fact('来源', entry.source);
    fact('维护部门', OWNERS[entry.ownerGroup] || entry.ownerGroup);
    fact('复核日期', entry.reviewDate);
    fact('引用次数', entry.usageCount);
    fact('最后修改', time(entry.updatedAt) + (entry.updatedBy ? '（' + entry.updatedBy + '）' : ''));
    $('entry-answer').textContent = entry.answer;
    $('edit-entry').hidden = !maintainer;
    $('delete-entry').hidden = !maintainer;
    $('entry').hidden = false;
    document.title = entry.title + ' - 知识库 - ServiceFlow';
    mark();
  }

  function open(id, remember) {
    return request('GET', API + '/' + encodeURIComponent(id)).then(function (entry) {
      if (remember) {
        window.history.replaceState(null, '', '/knowledge/' + entry.id + window.location.search);
      }
      view(entry);
    }, function (error) {
      notice(error.status === 404 ? '知识条目 ' + id + ' 不存在（可能已被删除）。' : '知识条目无法打开：' + problemText(error));
    });
  }

  function search(q) {
    var query = (q || '').trim();
    var done = query
      ? request('GET', API + '?q=' + encodeURIComponent(query)).then(function (list) {
        results(list, '检索结果：' + list.length + ' 条（最相近的在前）');
      })
      : request('GET', API).then(function (list) { results(list, '全部条目：' + list.length + ' 条'); });
    return done.then(function () {
      var url = '/knowledge' + (shown ? '/' + shown.id : '') + (query ? '?q=' + encodeURIComponent(query) : '');
      window.history.replaceState(null, '', url);
    }, function (error) {
      if (error.status === 400) {
        notice('检索词有误：' + problemText(error));
      } else {
        throw error;
      }
    });
  }

  // ---- maintenance ----

  function clearErrors() {
    FIELDS.concat(['form']).forEach(function (field) {
      var box = $('error-' + field);
      box.textContent = '';
      box.hidden = true;
      if (box.parentNode.classList.contains('field')) { box.parentNode.classList.remove('invalid'); }
    });
  }

  function fieldError(field, message) {
    var box = $('error-' + field) || $('error-form');
    box.textContent = box.textContent ? box.textContent + '；' + message : message;
    box.hidden = false;
    if (box.parentNode.classList.contains('field')) { box.parentNode.classList.add('invalid'); }
  }

  function edit(entry) {
    editing = entry;
    clearErrors();
    notice('');
    $('editor-title').textContent = entry ? '编辑条目 #' + entry.id : '新建条目';
    FIELDS.forEach(function (field) {
      var value = entry ? entry[field] : (field === 'ownerGroup' ? defaultOwner() : '');
      $('field-' + field).value = value === null || value === undefined ? '' : String(value);
    });
    $('entry').hidden = true;
    $('editor').hidden = false;
    $('field-title').focus();
  }

  function defaultOwner() {
    var groups = (me.groups || []).map(function (g) { return g.id; });
    return groups.indexOf('hotline-supervisors') >= 0 ? 'hotline-supervisors' : 'customer-service-lead';
  }

  function save(event) {
    event.preventDefault();
    clearErrors();
    var body = {};
    FIELDS.forEach(function (field) {
      var value = $('field-' + field).value.trim();
      body[field] = value === '' ? null : value;
    });
    var saving = editing ? request('PUT', API + '/' + editing.id, body) : request('POST', API, body);
    $('save-entry').disabled = true;
    saving.then(function (entry) {
      var created = !editing;
      editing = null;
      view(entry);
      notice((created ? '已新建知识条目 #' : '已保存知识条目 #') + entry.id + ' ' + entry.title + '。');
      window.history.replaceState(null, '', '/knowledge/' + entry.id + window.location.search);
      return search($('q').value);
    }, function (error) {
      if (error.status === 400 && error.problem && Array.isArray(error.problem.errors) && error.problem.errors.length) {
        error.problem.errors.forEach(function (problem) { fieldError(problem.field, problem.message); });
      } else if (error.status === 404) {
        fieldError('form', '该条目已不存在（可能已被他人删除）。');
      } else {
        fieldError('form', '保存失败：' + problemText(error));
      }
    }).then(function () { $('save-entry').disabled = false; });
  }

  function askDelete() {
    $('confirm-delete-text').textContent = '确定删除知识条目「' + shown.title + '」吗？删除后无法恢复；'
      + '已引用它的案件保留办理记录。';
    $('confirm-delete').hidden = false;
  }

  function remove() {
    var entry = shown;
    request('DELETE', API + '/' + entry.id).then(function () {
      shown = null;
      $('entry').hidden = true;
      notice('已删除知识条目 #' + entry.id + ' ' + entry.title + '。');
      window.history.replaceState(null, '', '/knowledge' + window.location.search);
      return search($('q').value);
    }, function (error) {
      $('confirm-delete').hidden = true;
      notice(error.status === 404 ? '该条目已不存在。' : '删除失败：' + problemText(error));
    });
  }

  function wire() {
    $('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      notice('');
      search($('q').value).catch(failed);
    });
    $('show-all').addEventListener('click', function () {
      $('q').value = '';
      notice('');
      search('').catch(failed);
    });
    $('new-entry').addEventListener('click', function () { edit(null); });
    $('edit-entry').addEventListener('click', function () { edit(shown); });
    $('cancel-edit').addEventListener('click', function () {
      $('editor').hidden = true;
      clearErrors();
      if (shown) { view(shown); }
    });
    $('editor').addEventListener('submit', save);
    $('delete-entry').addEventListener('click', askDelete);
    $('confirm-delete-no').addEventListener('click', function () { $('confirm-delete').hidden = true; });
    $('confirm-delete-yes').addEventListener('click', remove);
  }

  var params = new URLSearchParams(window.location.search);
  var entryId = (/^\/knowledge\/(\d+)\/?$/.exec(window.location.pathname) || [])[1];
  request('GET', '/api/me').then(function (caller) {
    me = caller;
    maintainer = (caller.groups || []).some(function (g) { return MAINTAINERS.indexOf(g.id) >= 0; });
    $('new-entry').hidden = !maintainer;
    $('q').value = params.get('q') || '';
    wire();
    return search($('q').value).then(function () { return entryId ? open(entryId, false) : null; });
  }).then(function () {
    $('loading').hidden = true;
    $('knowledge').hidden = false;
    document.body.dataset.loaded = 'true';
  }).catch(failed);
}());
