// Opens report.html in Debian's headless chromium with every network request refused, and
// fails on any request that is not the file itself, on any console error or page error, or
// when the page did not render its sections and charts. Saves a full-page screenshot.
// Usage: node check.mjs REPORT.html SCREENSHOT.png
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [report, screenshot] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error('usage: node check.mjs REPORT.html SCREENSHOT.png');
  process.exit(2);
}
const problems = [];
const requests = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // playwright adds --headless and a fresh user-data-dir; the rest keeps chromium off the network
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND',
    '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  // every request the page makes is recorded; anything but the report file is refused
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') ? route.continue() : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

  const external = requests.filter((u) => !u.startsWith('file:'));
  external.forEach((u) => problems.push(`request to the network: ${u}`));
  const files = requests.filter((u) => u.startsWith('file:') && u !== pathToFileURL(report).href);
  files.forEach((u) => problems.push(`request for another file: ${u}`));

  const rendered = await page.evaluate(() => {
    const count = (s) => document.querySelectorAll(s).length;
    const box = (s) => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().height : 0; };
    return {
      sections: ['state', 'programs', 'ratecard', 'funnels', 'trends'].filter((id) => box('#' + id) > 0),
      svg: count('svg'),
      stateRows: count('#state tr[data-cell]'),
      funnels: count('#funnels figure svg'),
      strata: count('#ratecard figure svg'),
      trends: count('#trends figure svg'),
      programs: count('#program-select option'),
      shownPrograms: [...document.querySelectorAll('.program')].filter((p) => !p.hidden).map((p) => p.id),
    };
  });
  if (rendered.sections.length !== 5) problems.push(`sections rendered: ${rendered.sections.join(', ')}`);
  if (rendered.funnels === 0) problems.push('no funnel plot rendered');
  if (rendered.strata === 0) problems.push('no rate card chart rendered');
  if (rendered.trends === 0) problems.push('no trend rendered');
  if (rendered.stateRows !== 19) problems.push(`state benchmark rows: ${rendered.stateRows}, expected 19`);
  if (rendered.shownPrograms.length !== 1) problems.push(`programs shown at load: ${rendered.shownPrograms.length}`);

  // the selector works: choosing the last program shows its figures and only those
  if (rendered.programs > 1) {
    const last = await page.$eval('#program-select option:last-child', (o) => o.value);
    await page.selectOption('#program-select', last);
    const shown = await page.$$eval('.program', (ps) => ps.filter((p) => !p.hidden).map((p) => p.id));
    if (shown.length !== 1 || shown[0] !== last) problems.push(`after choosing ${last}, shown: ${shown.join(', ')}`);
    await page.selectOption('#program-select', rendered.shownPrograms[0]);
  }

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`report-check: ${requests.length} request(s), ${requests.length - external.length - files.length} to the report file; `
    + `${rendered.svg} svg elements: ${rendered.funnels} funnel plots, ${rendered.strata} rate card charts, `
    + `${rendered.trends} trends; ${rendered.programs} programs`);
  console.log(`report-check: screenshot ${screenshot}`);
} finally {
  await browser.close();
}
if (problems.length > 0) {
  problems.forEach((p) => console.error(`report-check: FAIL ${p}`));
  process.exit(1);
}
console.log('report-check: ok');
