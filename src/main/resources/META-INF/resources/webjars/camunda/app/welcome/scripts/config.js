// ServiceFlow: replaces the webjar's welcome/scripts/config.js (which had only commented-out examples).
// Chinese first (locales/zh.json beside this folder), English for anything not translated.
export default {
  app: {
    name: '欢迎',
    vendor: 'ServiceFlow'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // Chinese dates: moment's zh locale comes from dateLocales in locales/zh.json (L = YYYY-MM-DD).
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  },
  // hides the CE end-of-life banner; in Tasklist also translates form-js texts and orders CJK names
  customScripts: ['scripts/serviceflow-zh.js']
};
