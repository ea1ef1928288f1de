// The kg explorer page: entity search, the neighbourhood graph (Cytoscape.js,
// served by kg serve from web/node_modules), evidence of an edge, and a SPARQL
// box. Talks only to the server that served it.
'use strict';

const $ = (id) => document.getElementById(id);
const COLORS = {
  Person: '#4e79a7', Organization: '#f28e2b', Location: '#59a14f',
  Date: '#b07aa1', Event: '#e15759', Other: '#9c9c9c', '': '#bab0ac',
};
const PREFIXES = [
  ['http://kg.local/entity/', 'entity:'], ['http://kg.local/rel/', 'rel:'],
  ['http://kg.local/', 'kg:'], ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:'],
  ['http://www.w3.org/2000/01/rdf-schema#', 'rdfs:'],
  ['http://www.w3.org/2001/XMLSchema#', 'xsd:'],
];

let cy = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'className') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

async function api(path, params = {}) {
  const r = await fetch(path + '?' + new URLSearchParams(params), { headers: { Accept: 'application/json' } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function shortIri(iri) {
  for (const [long, short] of PREFIXES) if (iri.startsWith(long)) return short + iri.slice(long.length);
  return '<' + iri + '>';
}

function initGraph() {
  if (typeof cytoscape === 'undefined') {
    $('graph').append(el('p', { className: 'error' },
      'The graph library is missing: run "npm ci" in web/ (scripts/install-deps.sh does).'));
    return;
  }
  cy = cytoscape({
    container: $('graph'),
    minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: 'node', style: {
        'background-color': (n) => COLORS[n.data('type')] || COLORS[''],
        label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
        width: 22, height: 22, 'text-wrap': 'ellipsis', 'text-max-width': 120 } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#263238' } },
      { selector: 'node.selected-node', style: { 'border-width': 4, 'border-color': '#d81b60' } },
      { selector: 'edge', style: {
        width: 2, 'line-color': '#b0bec5', 'target-arrow-color': '#b0bec5',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
        label: 'data(label)', 'font-size': 9, color: '#546e7a', 'text-rotation': 'autorotate',
        'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'edge.selected-edge', style: { 'line-color': '#d81b60', 'target-arrow-color': '#d81b60', width: 4 } },
    ],
  });
  cy.on('tap', 'node', (e) => expand(e.target.id()));
  cy.on('tap', 'edge', (e) => showEvidence(e.target));
  const legend = $('legend');
  for (const t of ['Person', 'Organization', 'Location', 'Date', 'Event', 'Other']) {
    const dot = el('i'); dot.style.background = COLORS[t];
    legend.append(el('span', {}, dot, t));
  }
}

function addNeighbourhood(data) {
  const centre = cy.getElementById(data.center.id);
  const origin = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
  const elements = [];
  for (const n of data.nodes) {
    if (cy.getElementById(n.id).nonempty()) continue;
    elements.push({ group: 'nodes', data: { id: n.id, label: n.label, type: n.type || '' },
      position: { x: origin.x + (Math.random() - 0.5) * 80, y: origin.y + (Math.random() - 0.5) * 80 } });
  }
  for (const e of data.edges) {
    const id = e.source + ' ' + e.predicate + ' ' + e.target;
    if (cy.getElementById(id).nonempty()) continue;
    elements.push({ group: 'edges', data: { id, source: e.source, target: e.target, predicate: e.predicate, label: e.label } });
  }
  const fresh = centre.empty();
  cy.add(elements);
  cy.getElementById(data.center.id).addClass('expanded');
  cy.layout({ name: 'cose', animate: false, randomize: fresh, nodeRepulsion: () => 60000,
    idealEdgeLength: () => 110, nodeOverlap: 40, gravity: 0.6, numIter: 2000, padding: 30 }).run();
  cy.fit(undefined, 30);
}

async function expand(id) {
  if (!cy) return;
  try {
    setStatus(`expanding ${cy.getElementById(id).data('label') || id}…`);
    addNeighbourhood(await api('/api/neighbors', { entity: id, limit: 40 }));
    setStatus(`${cy.nodes().length} entities, ${cy.edges().length} links shown`);
  } catch (err) {
    setStatus(err.message, true);
  }
}

async function showEvidence(edge) {
  cy.edges().removeClass('selected-edge');
  edge.addClass('selected-edge');
  const d = edge.data();
  const box = $('evidence');
  box.replaceChildren(el('h2', {}, 'Evidence'));
  try {
    const why = await api('/api/why', { s: d.source, p: d.predicate, o: d.target });
    box.append(el('p', { className: 'fact' },
      `${why.subject.label} — ${why.predicate.label} → ${why.object.label}`));
    box.append(el('p', { className: 'hint' },
      `${why.documents} document${why.documents === 1 ? '' : 's'}, ${why.statements.length} statement${why.statements.length === 1 ? '' : 's'}`));
    for (const s of why.statements) {
      box.append(el('div', { className: 'statement' },
        el('div', { className: 'sentence' }, s.sentence || '(no sentence recorded: loaded triple)'),
        el('div', { className: 'meta' },
          `${s.title || s.document} · sentence ${s.sentence_index} · confidence ${s.confidence.toFixed(2)}${s.date ? ' · ' + s.date : ''}`)));
    }
  } catch (err) {
    box.append(el('p', { className: 'error' }, err.message));
  }
}

function setStatus(text, error = false) {
  const s = $('store-status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

async function search(event) {
  event.preventDefault();
  const list = $('results');
  list.replaceChildren();
  try {
    const found = await api('/api/entities', { q: $('search').value, limit: 15 });
    if (found.entities.length === 0) list.append(el('li', { className: 'hint' }, 'no entity found'));
    for (const e of found.entities) {
      list.append(el('li', {}, el('button', { type: 'button', 'data-id': e.id, onclick: () => openEntity(e.id) },
        e.label, el('span', { className: 'type' }, `${e.type} · ${e.mentions} mentions · ${e.degree} links`))));
    }
  } catch (err) {
    list.append(el('li', { className: 'error' }, err.message));
  }
}

async function openEntity(id) {
  if (!cy) return;
  cy.elements().remove();
  await expand(id);
}

function cell(term) {
  if (!term) return '';
  if (term.type === 'uri') return shortIri(term.value);
  return term.value;
}

async function runSparql(event) {
  event.preventDefault();
  const out = $('sparql-results');
  const status = $('sparql-status');
  out.replaceChildren();
  status.textContent = 'running…';
  status.className = '';
  const started = performance.now();
  try {
    const r = await fetch('/sparql', { method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
      body: $('sparql-text').value });
    const ms = Math.round(performance.now() - started);
    const type = r.headers.get('Content-Type') || '';
    if (!r.ok) {
      const err = await r.json();
      status.textContent = err.error;
      status.className = 'error';
      return;
    }
    if (!type.includes('json')) {  // CONSTRUCT: N-Triples
      const text = await r.text();
      status.textContent = `${text.split('\n').filter((l) => l).length} triples in ${ms} ms`;
      out.append(el('pre', {}, text));
      return;
    }
    const res = await r.json();
    if ('boolean' in res) {
      status.textContent = `answer in ${ms} ms`;
      out.append(el('p', { className: 'fact' }, String(res.boolean)));
      return;
    }
    const vars = res.head.vars;
    const rows = res.results.bindings;
    status.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'} in ${ms} ms`;
    const table = el('table', { id: 'sparql-table' },
      el('thead', {}, el('tr', {}, ...vars.map((v) => el('th', {}, '?' + v)))));
    const body = el('tbody');
    for (const row of rows) body.append(el('tr', {}, ...vars.map((v) => el('td', {}, cell(row[v])))));
    table.append(body);
    out.append(table);
  } catch (err) {
    status.textContent = err.message;
    status.className = 'error';
  }
}

async function init() {
  initGraph();
  $('search-form').addEventListener('submit', search);
  $('sparql-form').addEventListener('submit', runSparql);
  try {
    const s = await api('/api/status');
    setStatus(`${s.triples} triples · ${s.documents} documents${s.writes ? ' · writes enabled' : ''}`);
  } catch (err) {
    setStatus(err.message, true);
  }
  window.kgExplorer = { cy };
}

init();
