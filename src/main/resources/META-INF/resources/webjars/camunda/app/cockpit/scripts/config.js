// ServiceFlow: replaces the webjar's cockpit/scripts/config.js (which had only commented-out examples).
// Chinese only (locales/zh.json beside this folder holds every key of the webjar's en.json, WebappLocalesTest).
// One language on purpose: the webapps load the fallback language's file as well, and each file's dateLocales
// switches moment's global locale, so with 'en' as fallback whichever file arrived last set the dates' language
// ("3 days ago" on a Chinese page).
export default {
  app: {
    name: '监控',
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
  // hides the CE end-of-life banner; in Tasklist also translates form-js texts and orders CJK names
  customScripts: ['scripts/serviceflow-zh.js']
};
