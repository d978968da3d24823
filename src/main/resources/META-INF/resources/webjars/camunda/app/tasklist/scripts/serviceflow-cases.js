// ServiceFlow case facts in Tasklist (loaded through config.js `customScripts`; its default export is a Tasklist plugin).
// 1. Task cards: the first line of every case task's description is its case line, "TS2612000123 · 客户：张三"
//    (written by the engine when the task is created, org.serviceflow.taskcard). Tasklist's list shows only
//    the name, so the plugin at `tasklist.card` shows the case line in each card, the number linking to the case
//    page /cases/{number}. A task served first (priority at or above serviceflow.task-priority.raised) has its
//    reason on the second line, "优先处理：A类客户" (the labels of the rules in application.yaml that raised it); the
//    card shows it as a badge `.serviceflow-case-priority` after the case line.
// 2. Intake: after a process is started from a start form, the answer of POST .../submit-form carries the new
//    case number as business key; a notice that stays until closed tells it to the clerk, with the first running
//    deadline as the intake-notice resource answers it to the case's owner
//    (GET {app-root}/api/tasklist/plugin/serviceflow-intake/{engine}/intake/{number}):
//    "已受理，案件编号 TS2612000123，办理时限 2026-12-10 17:30".
// 3. Collaboration: the task view's actions (plugin point `tasklist.task.action`, beside "add comment") offer
//    转办 / 委派 / 抄送. Each opens a small dialog (receiver user id — several, comma-separated, for 抄送 — and a
//    reason) and posts to our /api/tasks/{id}/transfer|delegate|copy (docs/collaboration.md) with the Tasklist
//    session and its X-XSRF-TOKEN; a refusal shows the API's Chinese message in the dialog.
// 4. Pauses (挂起, docs/calendar.md § Pauses): beside them, a case task's view offers 挂起 while the case's clock
//    runs and 恢复计时 while a pause runs, and says 已挂起（type，自 since）. 挂起 opens a dialog with the pause types
//    the case's process allows (GET /api/cases/{n}/pauses/types, decision casePauseTypes) and a reason, and posts
//    to /api/cases/{n}/pauses; 恢复计时 confirms and posts to .../pauses/resume. A refusal (400 naming the field,
//    409) shows the API's Chinese message in the dialog. Task cards of a paused case show the badge 已挂起, read from
//    the card's line 挂起中：… (package taskcard writes it on 挂起 and 恢复): no request per card.
// Pure functions are exported on window.ServiceFlowCases so that tests can call them.

const CASE_LINE = /^([A-Z]{2}\d{6,}) · (.+)$/;
const SERVED_FIRST = /^优先处理：(.+)$/;
const PAUSED = /^挂起中：(.+)$/;
const SUBMIT_FORM = /\/process-definition\/[^?]*\/submit-form(\?|$)/;

/** {caseNumber, party} of a task description whose first line is a case line, else null. */
function caseLine(description) {
  const match = CASE_LINE.exec(((description || '').split('\n')[0] || '').trim());
  return match ? { caseNumber: match[1], party: match[2] } : null;
}

/** The lines of a card's header after the case line (up to the blank line before the documentation). */
function headerLines(description) {
  const lines = (description || '').split('\n');
  if (!caseLine(lines[0])) {
    return [];
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '');
  return lines.slice(1, end < 0 ? lines.length : end).map((line) => line.trim());
}

/** Why the task of this description is served first ("A类客户", "紧急"): its second line's reason, else null. */
function servedFirst(description) {
  const match = SERVED_FIRST.exec(headerLines(description)[0] || '');
  return match ? match[1].trim() : null;
}

/** The running pause the card names ("客户原因，自 2026-12-07 10:00", package taskcard), else null. */
function pausedLine(description) {
  const line = headerLines(description).find((text) => PAUSED.test(text));
  return line ? PAUSED.exec(line)[1].trim() : null;
}

/** The case page of a case number. */
function casePage(caseNumber) {
  return '/cases/' + encodeURIComponent(caseNumber);
}

/** The intake notice of a case number and, when known, its first deadline ("2026-12-10 17:30"). */
function intakeNotice(caseNumber, dueAt) {
  if (!caseNumber) {
    return null;
  }
  return dueAt ? `已受理，案件编号 ${caseNumber}，办理时限 ${dueAt}` : `已受理，案件编号 ${caseNumber}`;
}

/** Where the intake notice of a case is read, for the engine of the Tasklist page. */
function intakeUrl(doc, caseNumber) {
  const base = doc.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  const engine = (/\/app\/tasklist\/([^/]+)\//.exec(doc.location.pathname) || [null, 'default'])[1];
  return `${appRoot}/api/tasklist/plugin/serviceflow-intake/${encodeURIComponent(engine)}/intake/`
    + encodeURIComponent(caseNumber);
}

// one notice, once the deadline is known (or cannot be read: then the number alone)
function announce(win, caseNumber) {
  win.fetch(intakeUrl(win.document, caseNumber), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((answer) => (answer.ok ? answer.json() : null))
    .then((notice) => notice && notice.caseNumber === caseNumber ? notice.dueAt : null)
    .catch(() => null)
    .then((dueAt) => showNotice(win.document, intakeNotice(caseNumber, dueAt)));
}

function renderCaseLine(node, line, reason) {
  node.textContent = '';
  const box = document.createElement('div');
  box.className = 'serviceflow-case-line';
  box.style.display = 'inline-block'; // the badge stands beside it, on the same line
  const link = document.createElement('a');
  link.className = 'serviceflow-case-number';
  link.href = casePage(line.caseNumber);
  link.target = '_blank';
  link.rel = 'noopener';
  link.title = '打开案件页';
  link.textContent = line.caseNumber;
  link.addEventListener('click', (event) => event.stopPropagation()); // the card itself opens the task
  const party = document.createElement('span');
  party.className = 'serviceflow-case-party';
  party.textContent = ' · ' + line.party;
  box.appendChild(link);
  box.appendChild(party);
  node.appendChild(box);
  if (reason) {
    const badge = document.createElement('span');
    badge.className = 'serviceflow-case-priority';
    badge.title = '优先处理';
    badge.style.cssText = 'display:inline-block;margin-left:8px;padding:0 6px;border-radius:3px;font-size:12px;'
      + 'line-height:18px;vertical-align:top;color:#fff;background:#b5152b;font-weight:bold';
    badge.textContent = reason;
    node.appendChild(badge);
  }
}

/** The knowledge base link (/knowledge) after line and badge, for those whom /api/me names the page. */
function renderKnowledgeLink(node, caller) {
  const allowed = Boolean(caller && Array.isArray(caller.pages) && caller.pages.indexOf('/knowledge') >= 0);
  node.setAttribute('data-knowledge-link', allowed ? 'shown' : 'none'); // decided (tests wait for it)
  if (!allowed || !node.querySelector('.serviceflow-case-line') || node.querySelector('.serviceflow-knowledge-link')) {
    return;
  }
  const knowledge = document.createElement('a');
  knowledge.className = 'serviceflow-knowledge-link';
  knowledge.href = '/knowledge';
  knowledge.target = '_blank';
  knowledge.rel = 'noopener';
  knowledge.style.cssText = 'margin-left:8px;font-size:12px';
  knowledge.textContent = '知识库';
  knowledge.addEventListener('click', (event) => event.stopPropagation());
  node.insertBefore(knowledge, node.querySelector('.serviceflow-case-paused')); // before the badge 已挂起, if shown
}

let me = null;
/** /api/me, asked once per page load for all cards. */
function loadMe(api) {
  if (!me) {
    me = loadJson('/api/me', api).catch(() => null);
  }
  return me;
}

const caseCard = {
  id: 'serviceflow-case-card',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render(node, { taskId, api }, scope) {
    const show = (description) => {
      const line = caseLine(description);
      if (line) {
        renderCaseLine(node, line, servedFirst(description));
        const paused = pausedLine(description);
        if (paused) {
          node.appendChild(pausedBadge(paused));
        }
        loadMe(api).then((caller) => renderKnowledgeLink(node, caller));
      }
    };
    const task = scope && scope.task;
    if (task && task.id === taskId) {
      show(task.description);
      return;
    }
    fetch(`${api.engineApi}/task/${encodeURIComponent(taskId)}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
    }).then((answer) => (answer.ok ? answer.json() : null)).then((found) => found && show(found.description))
      .catch(() => {});
  }
};

function showNotice(doc, text) {
  let notice = doc.getElementById('serviceflow-intake-notice');
  if (!notice) {
    notice = doc.createElement('div');
    notice.id = 'serviceflow-intake-notice';
    notice.className = 'alert alert-success';
    notice.setAttribute('role', 'status');
    notice.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);z-index:2000;'
      + 'min-width:360px;box-shadow:0 2px 8px rgba(0,0,0,.2);font-size:15px';
    const message = doc.createElement('span');
    message.className = 'serviceflow-intake-message';
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', '关闭');
    close.textContent = '×';
    close.style.marginLeft = '16px';
    close.addEventListener('click', () => notice.remove());
    notice.appendChild(message);
    notice.appendChild(close);
    doc.body.appendChild(notice);
  }
  notice.querySelector('.serviceflow-intake-message').textContent = text;
}

// Tasklist talks to the engine through XMLHttpRequest: the answer of a start form's submission is read there.
function watchStarts(win) {
  const open = win.XMLHttpRequest.prototype.open;
  const send = win.XMLHttpRequest.prototype.send;
  win.XMLHttpRequest.prototype.open = function serviceflowOpen(method, url) {
    this.serviceflowStart = String(method).toUpperCase() === 'POST' && SUBMIT_FORM.test(String(url));
    return open.apply(this, arguments);
  };
  win.XMLHttpRequest.prototype.send = function serviceflowSend() {
    if (this.serviceflowStart) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          try {
            const started = JSON.parse(this.responseText);
            if (started && started.businessKey) {
              announce(win, started.businessKey);
            }
          } catch (notJson) {
            // not an instance: nothing to announce
          }
        }
      });
    }
    return send.apply(this, arguments);
  };
}

const COLLABORATION = [
  { action: 'transfer', label: '转办', receiver: '转办给（用户名）' },
  { action: 'delegate', label: '委派', receiver: '委派给（用户名）' },
  { action: 'copy', label: '抄送', receiver: '抄送给（用户名，多个用逗号分隔）' }
];

/** The body of a collaboration request: copy takes a list of receivers, transfer and delegate one. */
function collaborationBody(action, to, reason) {
  const receivers = String(to || '').split(/[,，、\s]+/).map((id) => id.trim()).filter(Boolean);
  return action === 'copy' ? { to: receivers, reason } : { to: receivers[0] || '', reason };
}

/** The Chinese message of a refusal (problem details): its field messages, else its detail. */
function refusalMessage(problem, status) {
  const fields = problem && Array.isArray(problem.errors)
    ? problem.errors.map((error) => error && error.message).filter(Boolean) : [];
  if (fields.length) {
    return fields.join('；');
  }
  return (problem && problem.detail) || `操作未完成（HTTP ${status}）`;
}

function csrfToken(api, doc) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(doc.cookie || '');
  return match ? decodeURIComponent(match[1]) : '';
}

function openCollaborationDialog(doc, choice, taskId, api, done) {
  const old = doc.getElementById('serviceflow-collaboration');
  if (old) {
    old.remove();
  }
  const dialog = doc.createElement('div');
  dialog.id = 'serviceflow-collaboration';
  dialog.className = 'serviceflow-collaboration';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('data-action', choice.action);
  dialog.style.cssText = 'position:fixed;top:120px;left:50%;transform:translateX(-50%);z-index:2100;width:420px;'
    + 'background:#fff;border:1px solid #ccc;border-radius:4px;padding:16px;box-shadow:0 4px 16px rgba(0,0,0,.3)';
  dialog.innerHTML = '<h4 class="serviceflow-collaboration-title"></h4>'
    + '<div class="form-group"><label for="serviceflow-collaboration-to"></label>'
    + '<input id="serviceflow-collaboration-to" class="form-control" type="text" autocomplete="off"></div>'
    + '<div class="form-group"><label for="serviceflow-collaboration-reason">原因</label>'
    + '<textarea id="serviceflow-collaboration-reason" class="form-control" rows="3" maxlength="500"></textarea></div>'
    + '<div class="serviceflow-collaboration-error alert alert-danger" role="alert" hidden></div>'
    + '<div class="text-right"><button type="button" class="btn btn-default serviceflow-collaboration-cancel">取消</button> '
    + '<button type="button" class="btn btn-primary serviceflow-collaboration-submit">确定</button></div>';
  dialog.querySelector('.serviceflow-collaboration-title').textContent = choice.label;
  dialog.querySelector('label[for="serviceflow-collaboration-to"]').textContent = choice.receiver;
  const error = dialog.querySelector('.serviceflow-collaboration-error');
  const submit = dialog.querySelector('.serviceflow-collaboration-submit');
  dialog.querySelector('.serviceflow-collaboration-cancel').addEventListener('click', () => dialog.remove());
  submit.addEventListener('click', () => {
    submit.disabled = true;
    error.hidden = true;
    const body = collaborationBody(choice.action, dialog.querySelector('#serviceflow-collaboration-to').value,
      dialog.querySelector('#serviceflow-collaboration-reason').value);
    fetch('/api/tasks/' + encodeURIComponent(taskId) + '/' + choice.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json',
        'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken(api, doc) },
      body: JSON.stringify(body)
    }).then((answer) => answer.json().catch(() => null).then((json) => ({ answer, json })))
      .then(({ answer, json }) => {
        if (!answer.ok) {
          throw new Error(refusalMessage(json, answer.status));
        }
        dialog.remove();
        done(choice, body);
      })
      .catch((refused) => {
        error.textContent = refused.message;
        error.hidden = false;
        submit.disabled = false;
      });
  });
  doc.body.appendChild(dialog);
  dialog.querySelector('#serviceflow-collaboration-to').focus();
}

/** The id of the task Tasklist shows: its URL's hash carries "?…&task=<id>". */
function shownTaskId(location) {
  const query = String(location.hash || '').split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

function showCollaborationNotice(doc, text) {
  let notice = doc.getElementById('serviceflow-collaboration-notice');
  if (!notice) {
    notice = doc.createElement('div');
    notice.id = 'serviceflow-collaboration-notice';
    notice.className = 'alert alert-success';
    notice.setAttribute('role', 'status');
    notice.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);z-index:2000;min-width:320px';
    doc.body.appendChild(notice);
  }
  notice.textContent = text;
}

const collaborationActions = {
  id: 'serviceflow-collaboration-actions',
  pluginPoint: 'tasklist.task.action',
  priority: 50,
  render(node, { api }, scope) {
    node.textContent = '';
    const box = document.createElement('span');
    box.className = 'serviceflow-collaboration-actions';
    COLLABORATION.forEach((choice) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-link serviceflow-collaboration-' + choice.action;
      button.textContent = choice.label;
      button.addEventListener('click', () => {
        const task = (scope && scope.task) || { id: shownTaskId(window.location), name: '' };
        if (!task.id) {
          return;
        }
        openCollaborationDialog(document, choice, task.id, api, (done, body) => {
          const receivers = Array.isArray(body.to) ? body.to.join('、') : body.to;
          showCollaborationNotice(document, `已${done.label}给 ${receivers}：“${task.name || ''}”`);
          if (scope && scope.taskData && typeof scope.taskData.changed === 'function') {
            scope.taskData.changed('task'); // Tasklist reloads the task (its assignee has changed) and the list,
            scope.taskData.changed('taskList'); // as after its own assignee control
          }
        });
      });
      box.appendChild(button);
    });
    node.appendChild(box);
  }
};

// ---- 4. Pauses (挂起 / 恢复计时)

function apiHeaders(api, doc, json) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken(api, doc) };
  if (json) {
    headers['Content-Type'] = 'application/json';
  }
  return headers;
}

function casePausesUrl(caseNumber, rest) {
  return '/api/cases/' + encodeURIComponent(caseNumber) + '/pauses' + (rest || '');
}

function loadJson(url, api) {
  return fetch(url, { credentials: 'same-origin', headers: apiHeaders(api, document, false) })
    .then((answer) => (answer.ok ? answer.json() : Promise.reject(new Error('HTTP ' + answer.status))));
}

function loadPauses(caseNumber, api) {
  return loadJson(casePausesUrl(caseNumber), api);
}

/** The running pause (no end yet) of a case's pauses, else null. */
function runningPause(pauses) {
  return (Array.isArray(pauses) ? pauses : []).find((pause) => pause && !pause.endedAt) || null;
}

/** "12-04 16:00" of an ISO date-time with offset as the API writes it (the case's zone, Asia/Shanghai). */
function shortTime(isoDateTime) {
  const match = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(String(isoDateTime || ''));
  return match ? `${match[1]}-${match[2]} ${match[3]}:${match[4]}` : '';
}

/** What a task view says while a pause runs: "已挂起（客户联系不上，自 12-04 16:00）". */
function pausedText(pause) {
  return `已挂起（${pause.label || pause.type}，自 ${shortTime(pause.startedAt)}）`;
}

/** The option text of a pause type: "客户联系不上（计入客户，暂停计时）". */
function pauseTypeText(type) {
  return `${type.label}（计入${type.partyLabel}，${type.stopsClock ? '暂停计时' : '照常计时'}）`;
}

/** The badge 已挂起 of a card, its title the pause the card names ("已挂起（客户原因，自 2026-12-07 10:00）"). */
function pausedBadge(paused) {
  const badge = document.createElement('span');
  badge.className = 'serviceflow-case-paused';
  badge.title = `已挂起（${paused}）`;
  badge.style.cssText = 'display:inline-block;margin-left:8px;padding:0 6px;border-radius:3px;font-size:12px;'
    + 'line-height:18px;vertical-align:top;color:#fff;background:#8a6d3b;font-weight:bold';
  badge.textContent = '已挂起';
  return badge;
}

/**
 * The dialog of 挂起 (with the allowed types and a reason) or of 恢复计时 (a confirmation of the running pause).
 * On success it closes and calls done with the API's answer; a refusal stays in it.
 */
function openPauseDialog(doc, kind, caseNumber, api, context, done) {
  const old = doc.getElementById('serviceflow-pause');
  if (old) {
    old.remove();
  }
  const dialog = doc.createElement('div');
  dialog.id = 'serviceflow-pause';
  dialog.className = 'serviceflow-pause';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('data-action', kind);
  dialog.style.cssText = 'position:fixed;top:120px;left:50%;transform:translateX(-50%);z-index:2100;width:460px;'
    + 'background:#fff;border:1px solid #ccc;border-radius:4px;padding:16px;box-shadow:0 4px 16px rgba(0,0,0,.3)';
  const pausing = kind === 'pause';
  dialog.innerHTML = '<h4 class="serviceflow-pause-title"></h4>'
    + (pausing
      ? '<div class="form-group"><label for="serviceflow-pause-type">挂起类型</label>'
        + '<select id="serviceflow-pause-type" class="form-control"></select></div>'
        + '<div class="form-group"><label for="serviceflow-pause-reason">原因</label>'
        + '<textarea id="serviceflow-pause-reason" class="form-control" rows="3" maxlength="500"></textarea></div>'
      : '<p class="serviceflow-pause-running"></p><p>恢复后，暂停计时期间的工作时间顺延到各项期限。</p>')
    + '<div class="serviceflow-pause-error alert alert-danger" role="alert" hidden></div>'
    + '<div class="text-right"><button type="button" class="btn btn-default serviceflow-pause-cancel">取消</button> '
    + '<button type="button" class="btn btn-primary serviceflow-pause-submit">确定</button></div>';
  dialog.querySelector('.serviceflow-pause-title').textContent = (pausing ? '挂起案件 ' : '恢复计时 ') + caseNumber;
  const error = dialog.querySelector('.serviceflow-pause-error');
  const submit = dialog.querySelector('.serviceflow-pause-submit');
  const refuse = (message) => {
    error.textContent = message;
    error.hidden = false;
    submit.disabled = false;
  };
  if (pausing) {
    const select = dialog.querySelector('#serviceflow-pause-type');
    (context.types || []).forEach((type) => {
      const option = doc.createElement('option');
      option.value = type.type;
      option.textContent = pauseTypeText(type);
      select.appendChild(option);
    });
    if (!(context.types || []).length) {
      refuse('该流程没有可用的挂起类型（决策表 casePauseTypes）');
      submit.disabled = true;
    }
  } else {
    dialog.querySelector('.serviceflow-pause-running').textContent = pausedText(context.running);
  }
  dialog.querySelector('.serviceflow-pause-cancel').addEventListener('click', () => dialog.remove());
  submit.addEventListener('click', () => {
    submit.disabled = true;
    error.hidden = true;
    const body = pausing ? { type: dialog.querySelector('#serviceflow-pause-type').value,
      reason: dialog.querySelector('#serviceflow-pause-reason').value } : null;
    fetch(casePausesUrl(caseNumber, pausing ? '' : '/resume'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: apiHeaders(api, doc, pausing),
      body: pausing ? JSON.stringify(body) : undefined
    }).then((answer) => answer.json().catch(() => null).then((json) => ({ answer, json })))
      .then(({ answer, json }) => {
        if (!answer.ok) {
          throw new Error(refusalMessage(json, answer.status));
        }
        dialog.remove();
        done(json);
      })
      .catch((refused) => refuse(refused.message));
  });
  doc.body.appendChild(dialog);
  const first = dialog.querySelector(pausing ? '#serviceflow-pause-type' : '.serviceflow-pause-submit');
  if (first) {
    first.focus();
  }
}

const pauseActions = {
  id: 'serviceflow-pause-actions',
  pluginPoint: 'tasklist.task.action',
  priority: 40,
  // rendered once for the task view; Tasklist's taskData tells each task shown (and each reload of it)
  render(node, { api }, scope) {
    node.textContent = '';
    const box = document.createElement('span');
    box.className = 'serviceflow-pause-actions';
    node.appendChild(box);
    const taskData = scope && scope.taskData && typeof scope.taskData.observe === 'function' ? scope.taskData : null;
    let shownCase = null;
    const show = (caseNumber) => loadPauses(caseNumber, api).then((pauses) => {
      if (shownCase !== caseNumber) {
        return; // another task is shown by now
      }
      box.textContent = '';
      const running = runningPause(pauses);
      if (running) {
        const status = document.createElement('span');
        status.className = 'serviceflow-pause-status label label-warning';
        status.style.cssText = 'display:inline-block;margin:0 6px;font-size:12px;vertical-align:middle';
        status.textContent = pausedText(running);
        box.appendChild(status);
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-link ' + (running ? 'serviceflow-pause-resume' : 'serviceflow-pause-pause');
      button.textContent = running ? '恢复计时' : '挂起';
      button.addEventListener('click', () => {
        const opened = running ? Promise.resolve({ running })
          : loadJson(casePausesUrl(caseNumber, '/types'), api).then((types) => ({ types }));
        opened.then((context) => openPauseDialog(document, running ? 'resume' : 'pause', caseNumber, api, context,
          (answer) => {
            showCollaborationNotice(document, running
              ? `已恢复计时：案件 ${caseNumber} 挂起 ${answer && answer.pausedWorkingTime}（工作时间）`
              : `已挂起案件 ${caseNumber}：${answer && answer.label}`);
            if (taskData) {
              taskData.changed('task'); // shown again with its due date (moved on 恢复计时) and these actions
              taskData.changed('taskList'); // the card's badge 已挂起
            } else {
              show(caseNumber);
            }
          }));
      });
      box.appendChild(button);
    }).catch(() => {
      if (shownCase === caseNumber) {
        box.textContent = ''; // not a case the user may read: no pause actions
      }
    });
    const showTask = (task) => {
      const line = task && caseLine(task.description);
      shownCase = line ? line.caseNumber : null;
      box.textContent = '';
      if (line) {
        show(line.caseNumber);
      }
    };
    if (taskData) {
      taskData.observe('task', showTask);
    } else if (scope && scope.task) {
      showTask(scope.task);
    }
  }
};

window.ServiceFlowCases = { caseLine, servedFirst, pausedLine, casePage, intakeNotice, intakeUrl, collaborationBody,
  refusalMessage, runningPause, shortTime, pausedText, pauseTypeText };
watchStarts(window);

export default [caseCard, collaborationActions, pauseActions];
