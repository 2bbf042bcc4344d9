// Accessibility check of a built site: every page, light and dark, with axe-core (WCAG 2 A/AA)
// in Debian's headless Chromium; and reflow (WCAG 1.4.10), which axe does not test: at 320 CSS
// pixels wide no page may scroll sideways (a wide table or diagram scrolls in its own box).
// Usage: node tools/a11y/check.js SITE_DIR
// Exits 1 when any page has a violation. Run it through `make a11y`.
const fs = require('fs');
const path = require('path');
const { pages, serve, launch } = require('./site');

const root = path.resolve(process.argv[2] || 'site');
const REFLOW_WIDTH = 320; // WCAG 1.4.10: content reflows at 320 CSS pixels
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

serve(root, async (base, server) => {
  const browser = await launch();
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
