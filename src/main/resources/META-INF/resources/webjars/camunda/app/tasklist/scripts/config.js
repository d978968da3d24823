// ServiceFlow: replaces the webjar's tasklist/scripts/config.js (whose only active setting was `shortcuts`, kept below).
// Chinese only (locales/zh.json beside this folder holds every key of the webjar's en.json, WebappLocalesTest).
// One language on purpose: the webapps load the fallback language's file as well, and each file's dateLocales
// switches moment's global locale, so with 'en' as fallback whichever file arrived last set the dates' language
// ("3 days ago" on a Chinese page).
export default {
  app: {
    name: '任务列表',
    vendor: 'ServiceFlow'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // Chinese dates: moment's zh locale comes from dateLocales in locales/zh.json (L = YYYY-MM-DD).
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  },
  // hides the CE end-of-life banner; in Tasklist also translates form-js texts and orders CJK names;
  // serviceflow-cases.js shows the case line on every task card and the new case number after a start
  customScripts: ['scripts/serviceflow-zh.js', 'scripts/serviceflow-cases.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
