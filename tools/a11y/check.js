// Accessibility check of a built site: every page, light and dark, with axe-core (WCAG 2 A/AA)
// in Debian's headless Chromium; and reflow (WCAG 1.4.10), which axe does not test: at 320 CSS
// pixels wide no page may scroll sideways (a wide table or diagram scrolls in its own box).
// Usage: node tools/a11y/check.js SITE_DIR
// Exits 1 when any page has a violation. Run it through `make a11y`.
const { chromium } = require('playwright-core');
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.resolve(process.argv[2] || 'site');
const REFLOW_WIDTH = 320; // WCAG 1.4.10: content reflows at 320 CSS pixels
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const types = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' };

function pages(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return pages(full);
    return e.name === 'index.html' ? [path.relative(root, path.dirname(full))] : [];
  });
}

const server = http.createServer((req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox',
    '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  let failures = 0;
  const list = pages(root).sort();
  for (const scheme of ['light', 'dark']) {
    const page = await (await browser.newContext({ colorScheme: scheme })).newPage();
    for (const p of list) {
      await page.goto(base + (p ? p + '/' : ''));
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
      for (const v of result.violations) {
        failures += 1;
        const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ');
        console.log(`/${p} [${scheme}] ${v.id}: ${v.help} (${v.nodes.length}: ${where})`);
      }
    }
  }
  const narrow = await (await browser.newContext({ viewport: { width: REFLOW_WIDTH, height: 640 } })).newPage();
  for (const p of list) {
    await narrow.goto(base + (p ? p + '/' : ''));
    const wide = await narrow.evaluate(() => document.documentElement.scrollWidth);
    if (wide > REFLOW_WIDTH) {
      failures += 1;
      console.log(`/${p} [${REFLOW_WIDTH} px] reflow: the page is ${wide} px wide and scrolls sideways`);
    }
  }
  console.log(`${list.length} pages x 2 schemes, and at ${REFLOW_WIDTH} px: ${failures} violation${failures === 1 ? '' : 's'}`);
  await browser.close();
  server.close();
  process.exit(failures ? 1 : 0);
});
