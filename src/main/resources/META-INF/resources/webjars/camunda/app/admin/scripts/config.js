// ServiceFlow: replaces the webjar's admin/scripts/config.js (which had only commented-out examples).
// Chinese first (locales/zh.json beside this folder), English for anything not translated.
export default {
  app: {
    name: '管理',
    vendor: 'ServiceFlow'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
