// What a visitor downloads for a page: each page of a built site loaded in Debian's headless
// Chromium with an empty cache, every response counted by kind (the HTML, CSS, JavaScript,
// fonts, images, and "data": the search index Material's worker fetches as the page loads,
// waited for). Requests beyond the local server are refused (and counted as "refused"): a
// reader's browser would make them.
// Usage: node tools/a11y/weigh.js SITE_DIR PAGE [PAGE ...]   (PAGE: "" for home, "partners/x/")
// Prints one JSON object: {PAGE: {"html": bytes, "css": ..., "total": ..., "requests": n}}.
const fs = require('fs');
const path = require('path');
const { serve, launch } = require('./site');

const root = path.resolve(process.argv[2] || 'site');
const wanted = process.argv.slice(3);
const kinds = { '.html': 'html', '.css': 'css', '.js': 'js', '.woff2': 'font', '.woff': 'font', '.ttf': 'font',
  '.svg': 'image', '.png': 'image', '.ico': 'image', '.jpg': 'image', '.jpeg': 'image', '.webp': 'image',
  '.gif': 'image', '.json': 'data' };

serve(root, async (base, server) => {
  const browser = await launch();
  const weights = {};
  for (const wantedPage of wanted) {
    // A new context for each page: an empty cache, as a first visit.
    const context = await browser.newContext();
    const weight = { html: 0, css: 0, js: 0, font: 0, image: 0, data: 0, other: 0, refused: 0, total: 0, requests: 0 };
    const pending = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      weight.refused += 1;
      return route.abort('blockedbyclient');
    });
    context.on('response', (response) => {
      const url = response.url();
      if (!url.startsWith(base)) return;
      pending.push(response.body().then((body) => {
        let file = new URL(url).pathname;
        if (file.endsWith('/')) file += 'index.html';
        const kind = kinds[path.extname(file).toLowerCase()] || 'other';
        weight[kind] += body.length;
        weight.total += body.length;
        weight.requests += 1;
      }, () => {}));
    });
    const page = await context.newPage();
    // Material's search worker fetches the index as the page loads, but may start after the
    // network first falls idle on a busy machine: waited for whenever the site has one.
    const index = fs.existsSync(path.join(root, 'search', 'search_index.json'))
      ? context.waitForEvent('response', { predicate: (r) => r.url().endsWith('/search/search_index.json'),
        timeout: 120000 })
      : null;
    await page.goto(base + wantedPage, { waitUntil: 'networkidle' });
    if (index) await index;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    weights[wantedPage] = weight;
    await context.close();
  }
  console.log(JSON.stringify(weights, null, 1));
  await browser.close();
  server.close();
});
