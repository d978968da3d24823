// ServiceFlow: hides the Camunda 7 CE end-of-life banner (.ce-eol-banner) for staff (loaded through config.js `customScripts`).
if (!document.getElementById('serviceflow-zh-style')) {
  const style = document.createElement('style');
  style.id = 'serviceflow-zh-style';
  style.textContent = '.ce-eol-banner { display: none !important; }';
  document.head.appendChild(style);
}
