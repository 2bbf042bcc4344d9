// No request leaves the site: every page of a built site loaded in Debian's headless Chromium,
// with every request to anywhere but the local server that serves the site refused and listed.
// (A reader's address must not reach a font host or any other third party.)
// Usage: node tools/a11y/offline.js SITE_DIR
// Prints each request that tried to leave, and a summary; exits 1 when any did.
const path = require('path');
const { pages, serve, launch } = require('./site');

const root = path.resolve(process.argv[2] || 'site');

serve(root, async (base, server) => {
  const browser = await launch();
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
