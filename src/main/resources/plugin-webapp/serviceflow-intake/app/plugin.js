// ServiceFlow intake notices: a Tasklist plugin for its REST resource only; the page scripts are
// app/tasklist/scripts/serviceflow-cases.js (config.js customScripts).
export default [];
