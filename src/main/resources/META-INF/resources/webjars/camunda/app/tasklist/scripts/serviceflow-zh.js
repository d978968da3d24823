// ServiceFlow Chinese overrides for Tasklist (loaded through config.js `customScripts`).
// 1. hides the Camunda 7 CE end-of-life banner (.ce-eol-banner) for staff;
// 2. rewrites the English texts of form-js (validation messages, select / search placeholders);
// 3. makes form-js date fields YYYY-MM-DD (form-js takes the format from the browser's Intl default locale);
// 4. shows CJK staff names family name first without a space (Camunda renders firstName + ' ' + lastName).
// Pure functions are exported on window.ServiceFlowZh so that tests can call them.

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `长度不能少于 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `长度不能超过 ${m[1]} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must match pattern (.+)\.$/, (m) => `格式不正确（须匹配 ${m[1]}）。`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请输入有效的国际电话号码（例如 +8610012345678）。']
];

const PLACEHOLDERS = { Select: '请选择', Search: '搜索' };

function translateMessage(text) {
  const trimmed = (text || '').trim();
  for (const [pattern, render] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return render(match);
    }
  }
  return null;
}

/** "名 姓" as Camunda prints it → "姓名" when both parts are in CJK script; other names stay. */
function familyNameFirst(firstName, lastName) {
  if (HAN.test(firstName || '') && HAN.test(lastName || '')) {
    return `${lastName}${firstName}`;
  }
  return [firstName, lastName].filter(Boolean).join(' ');
}

/** A displayed "名 姓" (two CJK parts separated by one space) → "姓名". */
function reorderDisplayedName(text) {
  const match = /^([\u3400-\u9fff\uf900-\ufaff]{1,4}) ([\u3400-\u9fff\uf900-\ufaff]{1,3})$/.exec((text || '').trim());
  return match ? familyNameFirst(match[1], match[2]) : null;
}

const NAME_SELECTORS = [
  '.account .dropdown-toggle', // signed-in user in the header
  '[cam-tasklist-task-meta] .assignee', '.assignee', '.task .assignee',
  '.tasks-list .assignee', '.comments .user', '.history .user', '.task-card .assignee'
].join(',');

function textNodes(el) {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) {
    nodes.push(walker.currentNode);
  }
  return nodes;
}

function rewrite(root) {
  if (!root || !root.querySelectorAll) {
    return;
  }
  // change the data of the framework's own text nodes: replacing them would make Preact add its node again
  root.querySelectorAll('.fjs-form-field-error').forEach((el) => {
    textNodes(el).forEach((node) => {
      const zh = translateMessage(node.data);
      if (zh && node.data !== zh) {
        node.data = zh;
      }
    });
  });
  root.querySelectorAll('input[placeholder], textarea[placeholder]').forEach((el) => {
    const zh = PLACEHOLDERS[el.getAttribute('placeholder')];
    if (zh) {
      el.setAttribute('placeholder', zh);
    }
  });
  root.querySelectorAll('.fjs-select-display, .fjs-taglist, .fjs-dropdownlist').forEach((el) => {
    textNodes(el).forEach((node) => {
      const zh = PLACEHOLDERS[node.data.trim()];
      if (zh) {
        node.data = zh;
      }
    });
  });
  root.querySelectorAll('.fjs-datepicker input.fjs-input').forEach((el) => {
    const picker = el._flatpickr;
    if (picker && picker.config && picker.config.dateFormat !== 'Y-m-d') {
      const selected = picker.selectedDates.slice();
      picker.set('dateFormat', 'Y-m-d');
      if (selected.length) {
        picker.setDate(selected[0], false);
      }
    }
    if (el.getAttribute('placeholder') !== 'YYYY-MM-DD') {
      el.setAttribute('placeholder', 'YYYY-MM-DD');
    }
  });
  root.querySelectorAll(NAME_SELECTORS).forEach((el) => {
    el.childNodes.forEach((node) => {
      if (node.nodeType === 3) {
        const zh = reorderDisplayedName(node.textContent);
        if (zh) {
          node.data = node.data.replace(node.data.trim(), zh);
        }
      }
    });
  });
}

function hideEolBanner(doc) {
  if (!doc.getElementById('serviceflow-zh-style')) {
    const style = doc.createElement('style');
    style.id = 'serviceflow-zh-style';
    style.textContent = '.ce-eol-banner { display: none !important; }';
    doc.head.appendChild(style);
  }
}

let scheduled = false;
function start(doc) {
  hideEolBanner(doc);
  rewrite(doc.body);
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      (window.requestAnimationFrame || setTimeout)(() => {
        scheduled = false;
        rewrite(doc.body);
      });
    }
  }).observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
}

window.ServiceFlowZh = { translateMessage, familyNameFirst, reorderDisplayedName, rewrite };

if (document.body) {
  start(document);
} else {
  document.addEventListener('DOMContentLoaded', () => start(document));
}
