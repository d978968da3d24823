// ServiceFlow: replaces the webjar's cockpit/scripts/config.js (which had only commented-out examples).
// Chinese first (locales/zh.json beside this folder), English for anything not translated.
export default {
  app: {
    name: '监控',
    vendor: 'ServiceFlow'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
