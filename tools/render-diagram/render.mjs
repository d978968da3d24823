// Renders BPMN diagrams to PNG with bpmn-js in headless Chromium (Debian's /usr/bin/chromium; set
// CHROMIUM to use another). No browser download: puppeteer-core drives the installed Chromium.
//
//   cd tools/render-diagram && npm ci && node render.mjs            # every bpmn/*.bpmn
//   node render.mjs ../../bpmn/complaint.bpmn                        # one model
//
// Output: docs/processes/img/<file name without .bpmn>.png
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outDir = join(root, 'docs/processes/img');
const require = createRequire(import.meta.url);
const viewerScript = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const viewerCss = require.resolve('bpmn-js/dist/assets/bpmn-js.css');
const fontCss = require.resolve('bpmn-js/dist/assets/bpmn-font/css/bpmn.css');
const MARGIN = 20;

async function models(args) {
  if (args.length > 0) {
    return args.map((file) => resolve(process.cwd(), file));
  }
  const dir = join(root, 'bpmn');
  return (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort().map((f) => join(dir, f));
}

async function render(browser, file) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
    <style>html,body{margin:0;background:#fff;font-family:"Noto Sans CJK SC",sans-serif}
    #canvas{position:absolute;inset:0}</style></head><body><div id="canvas"></div></body></html>`);
  await page.addStyleTag({ path: viewerCss });
  await page.addStyleTag({ path: fontCss });
  await page.addScriptTag({ path: viewerScript });
  const xml = await readFile(file, 'utf8');
  const box = await page.evaluate(async (diagram) => {
    const viewer = new window.BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(diagram);
    const inner = viewer.get('canvas').getActiveLayer().getBBox();
    window.viewer = viewer;
    return { x: inner.x, y: inner.y, width: inner.width, height: inner.height, warnings: warnings.length };
  }, xml);
  if (box.warnings > 0) {
    console.warn(`${basename(file)}: ${box.warnings} import warning(s)`);
  }
  const width = Math.ceil(box.width) + 2 * MARGIN;
  const height = Math.ceil(box.height) + 2 * MARGIN;
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.evaluate((b, m) => {
    const canvas = window.viewer.get('canvas');
    canvas.resized();
    canvas.viewbox({ x: b.x - m, y: b.y - m, width: b.width + 2 * m, height: b.height + 2 * m });
  }, box, MARGIN);
  const out = join(outDir, basename(file, '.bpmn') + '.png');
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width, height } });
  await page.close();
  console.log(`${out} (${width}x${height})`);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
});
try {
  await mkdir(outDir, { recursive: true });
  for (const file of await models(process.argv.slice(2))) {
    await render(browser, file);
  }
} finally {
  await browser.close();
}
