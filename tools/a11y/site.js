// What the checks of a built site share: its pages, a local server for it, and Debian's headless
// Chromium started as this machine's closed network needs (no background connections).
const { chromium } = require('playwright-core');
const fs = require('fs');
const http = require('http');
const path = require('path');

const types = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ico': 'image/x-icon', '.jpg': 'image/jpeg', '.webp': 'image/webp' };

// Every page of the site: the folder of each index.html, relative to the root ('' for the home page).
function pages(root, dir = root) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return pages(root, full);
    return e.name === 'index.html' ? [path.relative(root, path.dirname(full))] : [];
  });
}

// Serves `root` on 127.0.0.1 (a free port), then calls `ready(base URL, server)`.
function serve(root, ready) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  server.listen(0, '127.0.0.1', () => ready(`http://127.0.0.1:${server.address().port}/`, server));
}

function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
    '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

module.exports = { pages, serve, launch };
