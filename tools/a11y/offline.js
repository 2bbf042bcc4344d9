// No request leaves the site: every page of a built site loaded in Debian's headless Chromium,
// with every request to anywhere but the local server that serves the site refused and listed.
// (A reader's address must not reach a font host or any other third party.)
// Usage: node tools/a11y/offline.js SITE_DIR
// Prints each request that tried to leave, and a summary; exits 1 when any did.
const { chromium } = require('playwright-core');
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.resolve(process.argv[2] || 'site');
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
  const context = await browser.newContext();
  const left = new Map(); // URL -> the first page that asked for it
  let current = '';
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    if (!left.has(url)) left.set(url, current);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const list = pages(root).sort();
  for (const p of list) {
    current = '/' + p;
    // 'load': a page's fonts, styles, scripts and images have all been asked for by then.
    await page.goto(base + (p ? p + '/' : ''), { waitUntil: 'load' });
  }
  for (const [url, from] of left) console.log(`${from}: a request left the site: ${url}`);
  console.log(`${list.length} pages: ${left.size} request${left.size === 1 ? '' : 's'} left the site`);
  await browser.close();
  server.close();
  process.exit(left.size ? 1 : 0);
});
