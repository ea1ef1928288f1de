// The explorer page in a real browser: headless Chromium (Debian's
// /usr/bin/chromium) driven by playwright-core from web/node_modules. Builds a
// store from samples/, starts `kg serve` on an ephemeral loopback port, then
// searches an entity, opens its neighbourhood, expands a neighbour by clicking
// it, clicks an edge to read its evidence, and runs a SPARQL query, checking
// what the page shows against the server's JSON API. Screenshots go to OUT_DIR.
//
// Usage: node browser_test.mjs KG_BINARY SOURCE_DIR OUT_DIR
// Exit 77 (skipped) when Chromium or web/node_modules is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [kg, sourceDir, outDir] = process.argv.slice(2);
const CHROMIUM = '/usr/bin/chromium';
const SKIP = 77;

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(SKIP);
}
if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} not found (install the Debian package 'chromium')`);
const webModules = join(sourceDir, 'web', 'node_modules');
if (!existsSync(join(webModules, 'playwright-core')) || !existsSync(join(webModules, 'cytoscape'))) {
  skip('web/node_modules is missing (run: cd web && npm ci, or scripts/install-deps.sh)');
}
const { chromium } = createRequire(join(sourceDir, 'web', 'package.json'))('playwright-core');

function check(cond, message) {
  if (!cond) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'kg-browser-test-'));
mkdirSync(outDir, { recursive: true });
let server = null;
let context = null;
try {
  const db = join(tmp, 'samples.db');
  const ingest = spawnSync(kg, ['--db', db, 'ingest', '--quiet', 'samples/'], { cwd: sourceDir, encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`kg ingest failed: ${ingest.stderr}`);

  server = spawn(kg, ['--db', db, 'serve', '--bind', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`kg serve exited with ${code}`)));
  });
  const base = firstLine.match(/at (http:\/\/\S+)/)[1];
  const api = async (path, params = {}) => (await fetch(new URL(path + '?' + new URLSearchParams(params), base))).json();

  // What to click, chosen from the data: the most mentioned entity with links.
  const { entities } = await api('/api/entities', { limit: 50 });
  const start = entities.find((e) => e.degree >= 2);
  check(start !== undefined, 'the sample store has a linked entity');
  const first = await api('/api/neighbors', { entity: start.id, limit: 40 });

  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
  });
  const page = context.pages()[0] || await context.newPage();
  const offsite = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto(base);
  await page.waitForFunction(() => /triples/.test(document.getElementById('store-status').textContent));
  check(await page.evaluate(() => typeof cytoscape === 'function'), 'the graph library loaded from the server');

  // Search: a lower-case prefix of the name.
  await page.fill('#search', start.label.slice(0, 4).toLowerCase());
  await page.click('#search-button');
  const result = page.locator(`#results button[data-id="${start.id}"]`);
  await result.waitFor();
  check(true, `search "${start.label.slice(0, 4).toLowerCase()}" lists ${start.label}`);
  await page.screenshot({ path: join(outDir, 'explorer-1-search.png') });

  // Open the entity: its neighbourhood is drawn.
  await result.click();
  await page.waitForFunction((n) => window.kgExplorer.cy.nodes().length === n, first.nodes.length);
  const shown = await page.evaluate(() => window.kgExplorer.cy.nodes().map((n) => n.id()));
  check(first.nodes.every((n) => shown.includes(n.id)), `the graph shows ${start.label} and its ${first.nodes.length - 1} neighbours`);

  // Expand: click a neighbour that has neighbours not shown yet.
  let target = null;
  let extra = null;
  for (const n of first.nodes.slice(1)) {
    const more = await api('/api/neighbors', { entity: n.id, limit: 40 });
    if (more.nodes.some((m) => !shown.includes(m.id))) { target = n; extra = more; break; }
  }
  check(target !== null, 'a neighbour has further neighbours');
  const clickAt = async (point) => {
    const box = await page.locator('#graph').boundingBox();
    await page.mouse.click(box.x + point.x, box.y + point.y);
  };
  await clickAt(await page.evaluate((id) => window.kgExplorer.cy.getElementById(id).renderedPosition(), target.id));
  await page.waitForFunction((ids) => ids.every((id) => window.kgExplorer.cy.getElementById(id).nonempty()),
    extra.nodes.map((n) => n.id));
  check(true, `clicking ${target.label} added its ${extra.nodes.length - 1} neighbours`);
  await page.screenshot({ path: join(outDir, 'explorer-2-expanded.png') });

  // Evidence: click the edge whose midpoint is farthest from every node.
  const edge = await page.evaluate(() => {
    const cy = window.kgExplorer.cy;
    let best = null;
    cy.edges().forEach((e) => {
      const m = e.renderedMidpoint();
      const w = cy.width(), h = cy.height();
      if (m.x < 10 || m.y < 10 || m.x > w - 10 || m.y > h - 10) return;
      let d = Infinity;
      cy.nodes().forEach((n) => { const p = n.renderedPosition(); d = Math.min(d, Math.hypot(p.x - m.x, p.y - m.y)); });
      if (!best || d > best.d) best = { d, m, data: e.data() };
    });
    return best;
  });
  check(edge !== null, 'an edge is on screen');
  await clickAt(edge.m);
  await page.waitForSelector('#evidence .statement');
  // The edge the page selected (the one under the pointer).
  const picked = await page.evaluate(() => window.kgExplorer.cy.edges('.selected-edge').map((e) => e.data()));
  check(picked.length === 1, 'one edge is selected');
  edge.data = picked[0];
  const why = await api('/api/why', { s: edge.data.source, p: edge.data.predicate, o: edge.data.target });
  const sentences = await page.locator('#evidence .statement .sentence').allTextContents();
  check(sentences.length === why.statements.length && why.statements.every((s) => sentences.includes(s.sentence)),
    `clicking the edge "${edge.data.label}" shows its ${sentences.length} supporting sentence(s)`);
  await page.screenshot({ path: join(outDir, 'explorer-3-evidence.png') });

  // SPARQL box: the facts about the entity, compared with the endpoint's answer.
  const query = `SELECT ?p ?o WHERE { <${start.id}> ?p ?o } ORDER BY ?p ?o LIMIT 8`;
  await page.fill('#sparql-text', query);
  await page.click('#sparql-run');
  await page.waitForSelector('#sparql-table');
  const expected = await (await fetch(new URL('/sparql?' + new URLSearchParams({ query }), base),
    { headers: { Accept: 'application/sparql-results+json' } })).json();
  const rows = await page.locator('#sparql-table tbody tr').count();
  const headers = await page.locator('#sparql-table th').allTextContents();
  check(rows === expected.results.bindings.length && rows > 0, `the SPARQL table shows ${rows} rows`);
  check(headers.join(' ') === '?p ?o', 'the SPARQL table has the query\'s columns');
  await page.screenshot({ path: join(outDir, 'explorer-4-sparql.png'), fullPage: true });

  // A syntax error is shown, not thrown.
  await page.fill('#sparql-text', 'SELECT ?x WHERE { ?x ?y }');
  await page.click('#sparql-run');
  await page.waitForFunction(() => /line 1, column/.test(document.getElementById('sparql-status').textContent));
  check(true, 'a SPARQL syntax error is shown with its line and column');

  check(offsite.length === 0, `the page fetched nothing from elsewhere (${offsite.join(', ')})`);
  check(pageErrors.length === 0, `no script errors (${pageErrors.join('; ')})`);
  console.log('all browser checks passed');
} finally {
  if (context) await context.close();
  if (server) server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
