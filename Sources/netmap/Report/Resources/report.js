// netmap report: pan/zoom, search, details, filters and tables over the inline drawing.
// Safety rules (docs/report.md): data come only from the JSON block and reach the page through textContent and
// setAttribute on fixed attribute names; links only for http: and https: URLs after parsing with new URL.
(function () {
  'use strict';
  performance.mark('netmap-start');
  const data = JSON.parse(document.getElementById('netmap-data').textContent);
  const T = data.text;
  const SVGNS = 'http://www.w3.org/2000/svg';
  const viewport = document.getElementById('viewport');
  const svg = viewport.querySelector('svg');
  const locale = data.lang === 'en' ? 'en' : 'nb';
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  // Decimals as the page's language writes them (0,25 in Norwegian), with a fixed number of digits.
  function decimal(value, digits) {
    return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
  }

  // ---------------------------------------------------------------- helpers
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function word(key) { return Object.prototype.hasOwnProperty.call(T, key) ? T[key] : key; }
  // The name of an attribute: the page's word for the fields netmap's format defines, the key itself otherwise.
  function attributeName(key) {
    return Object.prototype.hasOwnProperty.call(T, 'attribute.' + key) ? T['attribute.' + key] : key;
  }
  function safeURL(text) {
    try {
      const url = new URL(text);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch (e) { /* not a URL: shown as text */ }
    return null;
  }
  function kindLabel(kind) { return data.kinds[kind] ? data.kinds[kind].label : kind; }
  function relationLabel(relation) {
    if (data.relations[relation]) return data.relations[relation].label;
    return Object.prototype.hasOwnProperty.call(T, 'relation.' + relation) ? T['relation.' + relation] : relation;
  }
  // A tie's years: "2005–2009", "fra 2012", "til 2009" (nothing when it names none).
  function years(edge) {
    if (edge.since != null && edge.until != null) return edge.since === edge.until ? String(edge.since) : edge.since + '–' + edge.until;
    if (edge.since != null) return word('since') + ' ' + edge.since;
    if (edge.until != null) return word('until') + ' ' + edge.until;
    return '';
  }

  // ---------------------------------------------------------------- the network
  const nodes = new Map();          // id -> node entry
  const nodeElements = new Map();   // id -> <g>
  const nodeOfElement = new Map();  // <g> -> id
  const edgeElements = [];          // index -> <g> or null
  const edgeOfElement = new Map();  // <g> -> index
  const incident = new Map();       // id -> [edge index]
  for (const node of data.nodes) {
    nodes.set(node.id, node);
    incident.set(node.id, []);
    const g = document.getElementById(node.svg);
    if (g) {
      nodeElements.set(node.id, g);
      nodeOfElement.set(g, node.id);
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', node.label + ' (' + kindLabel(node.kind) + ')');
    }
  }
  data.edges.forEach(function (edge, index) {
    const g = document.getElementById(edge.svg);
    edgeElements.push(g);
    if (g) edgeOfElement.set(g, index);
    if (incident.has(edge.from)) incident.get(edge.from).push(index);
    if (edge.to !== edge.from && incident.has(edge.to)) incident.get(edge.to).push(index);
  });
  function nodeLabel(id) { return nodes.has(id) ? nodes.get(id).label : id; }

  document.getElementById('summary').textContent =
    data.nodes.length + ' ' + word('nodes') + ' · ' + data.edges.length + ' ' + word('edges') + ' · ' +
    Object.keys(data.sources).length + ' ' + word('sources').toLowerCase();

  // ---------------------------------------------------------------- pan and zoom (the viewBox)
  // On screen the panel's legend (which filters) replaces the drawing's own (kept for print), and the view fits
  // the network itself: the legend and the white background are left out of the box to fit.
  const start = svg.viewBox.baseVal;
  let committed = null, pending = false, commitTimer = 0;
  const large = data.nodes.length + data.edges.length > 1500;
  if (large) viewport.classList.add('large');
  const printed = start.x + ' ' + start.y + ' ' + start.width + ' ' + start.height;
  const legendCluster = document.getElementById('cluster_legend');
  if (legendCluster) legendCluster.classList.add('svg-legend');
  for (const g of svg.querySelectorAll('g.node')) {
    const title = g.querySelector('title');
    if (!nodeOfElement.has(g) && title && title.textContent === 'legend') g.classList.add('svg-legend');
  }
  const graph = svg.querySelector('g.graph');
  const background = graph ? graph.querySelector(':scope > polygon') : null;
  if (background) background.classList.add('svg-background');
  let full = { x: start.x, y: start.y, w: start.width, h: start.height };
  if (graph && legendCluster) {
    const b = boxOf(graph);
    const pad = Math.max(b.w, b.h) * 0.02;
    if (b.w > 0 && b.h > 0) full = { x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad };
  }
  let view = Object.assign({}, full);
  setViewBox();
  window.addEventListener('beforeprint', function () { svg.setAttribute('viewBox', printed); });
  window.addEventListener('afterprint', commit);
  // Small drawings follow every move by a new viewBox. Large ones (where the browser needs a long frame to draw
  // them again) move as a picture by a CSS transform while a gesture lasts, and are drawn again when it ends.
  function setViewBox() {
    committed = Object.assign({}, view);
    svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
  }
  function commit() {
    clearTimeout(commitTimer);
    svg.style.transform = '';
    setViewBox();
  }
  function draw() {
    if (!large) {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; setViewBox(); });
      return;
    }
    const r = viewport.getBoundingClientRect();
    const ks = Math.max(committed.w / r.width, committed.h / r.height), kv = Math.max(view.w / r.width, view.h / r.height);
    const tx = (committed.x + committed.w / 2 - view.x - view.w / 2) / kv, ty = (committed.y + committed.h / 2 - view.y - view.h / 2) / kv;
    svg.style.transform = 'translate(' + tx + 'px, ' + ty + 'px) scale(' + ks / kv + ')';
    clearTimeout(commitTimer);
    if (!drag) commitTimer = setTimeout(commit, 250);
  }
  // The drawing's units per screen pixel (the SVG keeps its aspect ratio: the larger ratio wins).
  function unitsPerPixel() {
    const r = viewport.getBoundingClientRect();
    return Math.max(view.w / Math.max(r.width, 1), view.h / Math.max(r.height, 1));
  }
  function toDrawing(clientX, clientY) {
    const r = viewport.getBoundingClientRect();
    const k = unitsPerPixel();
    return { x: view.x + view.w / 2 + (clientX - r.left - r.width / 2) * k, y: view.y + view.h / 2 + (clientY - r.top - r.height / 2) * k };
  }
  function zoom(factor, at) {
    const w = Math.min(Math.max(view.w / factor, full.w / 60), full.w * 4);
    const f = view.w / w;
    const p = at || { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    view = { x: p.x - (p.x - view.x) / f, y: p.y - (p.y - view.y) / f, w: w, h: view.h / f };
    draw();
  }
  function pan(dx, dy) { view.x += dx; view.y += dy; draw(); }
  function fit() { view = Object.assign({}, full); draw(); }
  // Box of an element in the drawing's coordinates.
  function boxOf(element) {
    const b = element.getBBox();
    const m = svg.getScreenCTM().inverse().multiply(element.getScreenCTM());
    const p1 = new DOMPoint(b.x, b.y).matrixTransform(m);
    const p2 = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
    return { x: Math.min(p1.x, p2.x), y: Math.min(p1.y, p2.y), w: Math.abs(p2.x - p1.x), h: Math.abs(p2.y - p1.y) };
  }
  function centre(element) {
    const b = boxOf(element);
    const r = viewport.getBoundingClientRect();
    // Zoom in to 2.5 times the fitted view, but at least to the drawing's own size (text readable) and at most
    // to 1.3 times it; never out.
    const fitted = Math.max(full.w / Math.max(r.width, 1), full.h / Math.max(r.height, 1));
    const k = Math.min(unitsPerPixel(), Math.max(fitted / 2.5, 0.75), 1);
    const w = k * r.width, h = k * r.height;
    view = { x: b.x + b.w / 2 - w / 2, y: b.y + b.h / 2 - h / 2, w: w, h: h };
    draw();
  }
  viewport.addEventListener('wheel', function (event) {
    event.preventDefault();
    zoom(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)), toDrawing(event.clientX, event.clientY));
  }, { passive: false });
  let drag = null;
  viewport.addEventListener('pointerdown', function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, k: unitsPerPixel(), moved: false, id: event.pointerId };
  });
  viewport.addEventListener('pointermove', function (event) {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
      drag.moved = true;
      viewport.setPointerCapture(drag.id);
      viewport.classList.add('dragging');
    }
    if (drag.moved) { view.x = drag.vx - dx * drag.k; view.y = drag.vy - dy * drag.k; draw(); }
  });
  function endDrag() {
    if (drag && drag.moved) {
      if (large) commit();
      viewport.classList.remove('dragging');
      suppressClick = true;
      setTimeout(function () { suppressClick = false; }, 0);
    }
    drag = null;
  }
  let suppressClick = false;
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(1.4); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1 / 1.4); });
  document.getElementById('zoom-fit').addEventListener('click', fit);
  viewport.addEventListener('keydown', function (event) {
    const step = view.w * 0.1;
    switch (event.key) {
      case 'ArrowLeft': pan(-step, 0); break;
      case 'ArrowRight': pan(step, 0); break;
      case 'ArrowUp': pan(0, -step); break;
      case 'ArrowDown': pan(0, step); break;
      case '+': case '=': zoom(1.4); break;
      case '-': case '_': zoom(1 / 1.4); break;
      case '0': fit(); break;
      case 'Enter': case ' ': {
        const g = event.target.closest ? event.target.closest('g') : null;
        if (g && nodeOfElement.has(g)) { selectNode(nodeOfElement.get(g), { focusDetails: true }); break; }
        if (g && edgeOfElement.has(g)) { selectEdge(edgeOfElement.get(g), { focusDetails: true }); break; }
        return;
      }
      default: return;
    }
    event.preventDefault();
  });
  viewport.addEventListener('click', function (event) {
    if (suppressClick) return;
    let target = event.target;
    while (target && target !== viewport) {
      if (nodeOfElement.has(target)) { selectNode(nodeOfElement.get(target)); return; }
      if (edgeOfElement.has(target)) { selectEdge(edgeOfElement.get(target)); return; }
      target = target.parentNode;
    }
    clearSelection();
  });

  // ---------------------------------------------------------------- selection and details
  const details = document.getElementById('details');
  let marked = [];
  function mark(elements) {
    for (const e of marked) e.classList.remove('near', 'selected');
    marked = [];
    if (!elements) { svg.classList.remove('dim'); return; }
    svg.classList.add('dim');
    for (const [e, selected] of elements) {
      if (!e) continue;
      e.classList.add('near');
      if (selected) e.classList.add('selected');
      marked.push(e);
    }
  }
  function showDetails(children, focus) {
    details.replaceChildren.apply(details, children);
    if (focus) {
      const heading = details.querySelector('h2');
      if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
    }
  }
  function nodeButton(id) {
    const b = el('button', 'node-link', nodeLabel(id));
    b.type = 'button';
    b.addEventListener('click', function () { selectNode(id, { centre: true, focusDetails: true }); });
    return b;
  }
  function citationItems(edge) {
    if (edge.citations.length === 0) return [el('div', 'cite uncited', word('uncited'))];
    return edge.citations.map(function (citation) {
      const source = data.sources[citation.source];
      const box = el('div', 'cite');
      if (!source) { box.append(el('span', 'cite-title', citation.source)); return box; }
      box.append(el('cite', 'cite-title', source.title));
      // Each fact in a <bdi>, so right-to-left text or a direction override in one cannot reorder the others.
      const facts = [source.publisher, source.year == null ? null : String(source.year),
        citation.page ? word('page') + ' ' + citation.page : null].filter(function (x) { return x; });
      if (facts.length) {
        const span = el('span', 'cite-facts', ' — ');
        facts.forEach(function (fact, i) { span.append(i ? ', ' : '', el('bdi', null, fact)); });
        box.append(span);
      }
      if (source.note) box.append(el('div', 'cite-note', source.note));
      if (source.url) {
        const href = safeURL(source.url);
        if (href) {
          const a = el('a', 'cite-link', source.url);
          a.setAttribute('href', href);
          a.setAttribute('rel', 'noopener noreferrer');
          a.setAttribute('target', '_blank');
          box.append(' ', a);
        } else {
          box.append(' ', el('span', 'cite-url', source.url));
        }
      }
      return box;
    });
  }
  function attributeList(pairs) {
    const dl = el('dl');
    for (const [key, value] of pairs) {
      if (value === undefined || value === null || value === '') continue;
      dl.append(el('dt', null, attributeName(key)), el('dd', null, value));
    }
    return dl;
  }
  // A tie read as a sentence from the selected node: "deltar i → Erasmus+" for its own ties, "Avdeling … del av →
  // (this node)" for ties that point to it, "samarbeider med — Kaunas" for symmetric relations.
  function tieItem(index, from) {
    const edge = data.edges[index];
    const li = el('li', 'tie');
    const symmetric = data.relations[edge.relation] && data.relations[edge.relation].symmetric;
    const outgoing = edge.from === from;
    const other = outgoing ? edge.to : edge.from;
    const head = el('div', 'tie-head');
    const relation = el('span', 'tie-relation', relationLabel(edge.relation));
    if (symmetric || outgoing) {
      head.append(relation, ' ', el('span', 'tie-direction', symmetric ? '—' : '→'), ' ', nodeButton(other));
    } else {
      head.append(nodeButton(other), ' ', relation, ' ', el('span', 'tie-direction', '→'), ' ', el('span', 'tie-self', nodeLabel(from)));
    }
    head.setAttribute('title', nodeLabel(edge.from) + ' ' + relationLabel(edge.relation) + ' ' + nodeLabel(edge.to));
    const y = years(edge);
    if (y) head.append(' ', el('span', 'tie-years', y));
    if (edgeHidden(index)) head.append(' ', el('span', 'tie-hidden', '(' + word('hidden') + ')'));
    li.append(head);
    for (const c of citationItems(edge)) li.append(c);
    const attributes = Object.keys(edge.attributes).sort();
    if (attributes.length) li.append(attributeList(attributes.map(function (k) { return [k, edge.attributes[k]]; })));
    return li;
  }
  function selectNode(id, options) {
    options = options || {};
    const node = nodes.get(id);
    if (!node) return;
    const elements = [[nodeElements.get(id), true]];
    for (const index of incident.get(id)) {
      const edge = data.edges[index];
      elements.push([edgeElements[index], false]);
      elements.push([nodeElements.get(edge.from === id ? edge.to : edge.from), false]);
    }
    mark(elements);
    const g = nodeElements.get(id);
    if (options.centre && g) centre(g);
    const heading = el('h2', null, node.label);
    const facts = [[word('kind'), kindLabel(node.kind)], [word('country'), node.country], [word('id'), node.id],
      [word('tags'), node.tags.join(', ')]];
    for (const key of Object.keys(node.attributes).sort()) facts.push([key, node.attributes[key]]);
    const ties = incident.get(id).slice().sort(function (a, b) {
      const ea = data.edges[a], eb = data.edges[b];
      return collator.compare(relationLabel(ea.relation), relationLabel(eb.relation)) ||
        collator.compare(nodeLabel(ea.from === id ? ea.to : ea.from), nodeLabel(eb.from === id ? eb.to : eb.from)) || a - b;
    });
    const list = el('ul', 'ties');
    for (const index of ties) list.append(tieItem(index, id));
    const children = [heading];
    if (!g) children.push(el('p', 'note', word('notDrawn')));
    children.push(attributeList(facts), el('h3', null, word('ties') + ' (' + ties.length + ')'));
    children.push(ties.length ? list : el('p', 'note', word('noTies')));
    showDetails(children, options.focusDetails);
    remember('node=' + encodeURIComponent(id));
  }
  // The selection is kept in the address's fragment (#node=ID), so a link or a bookmark opens the page on it.
  function remember(fragment) {
    try { history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search); } catch (e) { /* file: pages may refuse */ }
  }
  function selectEdge(index, options) {
    const edge = data.edges[index];
    mark([[edgeElements[index], true], [nodeElements.get(edge.from), false], [nodeElements.get(edge.to), false]]);
    const heading = el('h2', null, nodeLabel(edge.from) + ' ' + relationLabel(edge.relation) + ' ' + nodeLabel(edge.to));
    const list = el('ul', 'ties');
    list.append(tieItem(index, edge.from));
    showDetails([heading, list], options && options.focusDetails);
    remember(null);
  }
  function selectSource(id) {
    const source = data.sources[id];
    const elements = [];
    const items = el('ul', 'ties');
    data.edges.forEach(function (edge, index) {
      if (!edge.citations.some(function (c) { return c.source === id; })) return;
      elements.push([edgeElements[index], true], [nodeElements.get(edge.from), false], [nodeElements.get(edge.to), false]);
      items.append(tieItem(index, edge.from));
    });
    mark(elements);
    const children = [el('h2', null, source ? source.title : id)];
    if (source) {
      const facts = [[word('publisher'), source.publisher], [word('year'), source.year == null ? null : String(source.year)],
        [word('note'), source.note], [word('id'), id]];
      for (const key of Object.keys(source.attributes).sort()) facts.push([key, source.attributes[key]]);
      children.push(attributeList(facts));
      if (source.url) {
        const href = safeURL(source.url);
        const p = el('p');
        if (href) {
          const a = el('a', 'cite-link', source.url);
          a.setAttribute('href', href);
          a.setAttribute('rel', 'noopener noreferrer');
          a.setAttribute('target', '_blank');
          p.append(a);
        } else p.append(el('span', 'cite-url', source.url));
        children.push(p);
      }
    }
    children.push(el('h3', null, word('ties')), items);
    showDetails(children, true);
    remember(null);
  }
  function clearSelection() {
    mark(null);
    remember(null);
    showDetails([el('h2', null, word('details')), el('p', 'note', word('detailsEmpty'))], false);
  }

  // ---------------------------------------------------------------- search
  const search = document.getElementById('search');
  const results = document.getElementById('results');
  const resultCount = document.getElementById('result-count');
  const haystacks = new Map();
  for (const node of data.nodes) {
    const parts = [node.label, node.id, node.kind, kindLabel(node.kind), node.country || ''].concat(node.tags);
    for (const key of Object.keys(node.attributes)) parts.push(node.attributes[key]);
    haystacks.set(node.id, parts.join('\n').toLocaleLowerCase());
  }
  let matched = [];
  function runSearch() {
    for (const g of matched) g.classList.remove('match');
    matched = [];
    results.replaceChildren();
    const query = search.value.trim().toLocaleLowerCase();
    if (!query) { resultCount.textContent = ''; svg.classList.remove('searching'); return; }
    const found = data.nodes.filter(function (node) { return haystacks.get(node.id).indexOf(query) >= 0; });
    // Best first: the node whose label, id or an attribute (label_en, …) is the query itself, then labels that start
    // with it, then labels that hold it, then the rest (a match in an attribute); alphabetical within each.
    const rank = new Map();
    for (const node of found) {
      const label = node.label.toLocaleLowerCase();
      const exact = label === query || node.id.toLocaleLowerCase() === query ||
        Object.keys(node.attributes).some(function (k) { return String(node.attributes[k]).toLocaleLowerCase() === query; });
      rank.set(node.id, exact ? 0 : label.indexOf(query) === 0 ? 1 : label.indexOf(query) > 0 ? 2 : 3);
    }
    found.sort(function (a, b) { return rank.get(a.id) - rank.get(b.id) || collator.compare(a.label, b.label); });
    resultCount.textContent = found.length ? found.length + ' ' + word('matches') : word('noMatch');
    svg.classList.toggle('searching', found.length > 0);
    for (const node of found) {
      const g = nodeElements.get(node.id);
      if (g) { g.classList.add('match'); matched.push(g); }
    }
    for (const node of found.slice(0, 100)) {
      const li = el('li');
      const b = el('button', 'result', node.label);
      b.type = 'button';
      b.append(el('span', 'result-kind', ' ' + kindLabel(node.kind)));
      b.addEventListener('click', function () { selectNode(node.id, { centre: true, focusDetails: true }); });
      li.append(b);
      results.append(li);
    }
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = results.querySelector('button');
      if (first) first.click();
    } else if (event.key === 'ArrowDown') {
      const first = results.querySelector('button');
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  results.addEventListener('keydown', function (event) {
    const items = Array.prototype.slice.call(results.querySelectorAll('button'));
    const at = items.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && at >= 0 && at + 1 < items.length) { items[at + 1].focus(); event.preventDefault(); }
    if (event.key === 'ArrowUp' && at > 0) { items[at - 1].focus(); event.preventDefault(); }
    if (event.key === 'ArrowUp' && at === 0) { search.focus(); event.preventDefault(); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    clearSelection();
    if (document.activeElement === search || search.value) { search.value = ''; runSearch(); }
  });

  // ---------------------------------------------------------------- legend filters and year
  const hiddenKinds = new Set(), hiddenRelations = new Set(), hiddenColors = new Set();
  function nodeHidden(node) { return hiddenKinds.has(node.kind) || (node.color != null && hiddenColors.has(node.color)); }
  let year = null;
  function edgeHidden(index) {
    const edge = data.edges[index];
    if (hiddenRelations.has(edge.relation)) return true;
    const a = nodes.get(edge.from), b = nodes.get(edge.to);
    if ((a && nodeHidden(a)) || (b && nodeHidden(b))) return true;
    if (year !== null && ((edge.since != null && year < edge.since) || (edge.until != null && year > edge.until))) return true;
    return false;
  }
  function applyFilters() {
    for (const node of data.nodes) {
      const g = nodeElements.get(node.id);
      if (g) g.classList.toggle('off', nodeHidden(node));
    }
    data.edges.forEach(function (edge, index) {
      const g = edgeElements[index];
      if (g) g.classList.toggle('off', edgeHidden(index));
    });
  }
  function swatch(kind) {
    const s = document.createElementNS(SVGNS, 'svg');
    s.setAttribute('width', '22'); s.setAttribute('height', '14'); s.setAttribute('aria-hidden', 'true');
    s.setAttribute('class', 'swatch');
    if (kind.fill) {
      const r = document.createElementNS(SVGNS, 'rect');
      r.setAttribute('x', '1'); r.setAttribute('y', '1'); r.setAttribute('width', '20'); r.setAttribute('height', '12');
      r.setAttribute('fill', kind.fill); r.setAttribute('stroke', kind.border);
      s.append(r);
    } else {
      const l = document.createElementNS(SVGNS, 'line');
      l.setAttribute('x1', '1'); l.setAttribute('y1', '7'); l.setAttribute('x2', '21'); l.setAttribute('y2', '7');
      l.setAttribute('stroke', kind.color); l.setAttribute('stroke-width', '2.5');
      if (kind.style === 'dashed') l.setAttribute('stroke-dasharray', '5,2');
      if (kind.style === 'dotted') l.setAttribute('stroke-dasharray', '1,3');
      s.append(l);
    }
    return s;
  }
  function legend(container, entries, hidden, ordered) {
    const ids = Object.keys(entries).sort(function (a, b) {
      return ordered ? entries[a].order - entries[b].order : collator.compare(entries[a].label, entries[b].label);
    });
    for (const id of ids) {
      const b = el('button', 'legend-entry');
      b.type = 'button';
      b.setAttribute('aria-pressed', 'true');
      b.setAttribute('data-key', id);
      b.append(swatch(entries[id]), el('span', 'legend-label', entries[id].label), el('span', 'legend-count', entries[id].count));
      b.addEventListener('click', function () {
        if (hidden.has(id)) hidden.delete(id); else hidden.add(id);
        b.setAttribute('aria-pressed', hidden.has(id) ? 'false' : 'true');
        applyFilters();
      });
      container.append(b);
    }
  }
  legend(document.getElementById('legend-kinds'), data.kinds, hiddenKinds);
  // With --color-by the drawing's colours say the attribute's value: a legend of its own, filtering as the others.
  const colorBox = document.getElementById('legend-colors');
  if (data.colors) {
    document.getElementById('colors-heading').textContent = data.colors.heading;
    colorBox.setAttribute('aria-label', data.colors.heading + ': ' + word('legendHelp'));
    legend(colorBox, data.colors.entries, hiddenColors, true);
  } else {
    document.getElementById('colors-heading').hidden = true;
    colorBox.hidden = true;
  }
  legend(document.getElementById('legend-relations'), data.relations, hiddenRelations);
  const yearBox = document.getElementById('year-filter');
  if (data.years) {
    const slider = document.getElementById('year');
    const shown = document.getElementById('year-value');
    slider.min = String(data.years[0]);
    slider.max = String(data.years[1] + 1);
    slider.value = String(data.at != null ? data.at : data.years[1] + 1);
    document.getElementById('year-first').textContent = String(data.years[0]);
    document.getElementById('year-all').textContent = word('allYears');
    const update = function () {
      const value = Number(slider.value);
      year = value > data.years[1] ? null : value;
      shown.textContent = year === null ? word('allYears') : String(year);
      slider.setAttribute('aria-valuetext', shown.textContent);
      applyFilters();
    };
    slider.addEventListener('input', update);
    update();
  } else {
    yearBox.hidden = true;
  }

  // ---------------------------------------------------------------- tables
  function cellText(table, column, value) {
    if (value === null || value === undefined) return '–';
    if (table.types[column] === 'number') return Number.isInteger(value) ? String(value) : decimal(value, 4);
    if (table.columns[column] === 'kind') return kindLabel(value);
    return String(value);
  }
  function buildTable(table) {
    const section = el('section', 'table-section');
    section.id = 'table-' + table.id;
    section.append(el('h3', null, word(table.id)));
    if (table.caption) section.append(el('p', 'caption', table.caption));
    if (table.rows.length === 0) { section.append(el('p', 'note', word(table.id === 'warnings' ? 'noWarnings' : 'noMatch'))); return section; }
    const wrap = el('div', 'table-wrap');
    const t = el('table');
    t.setAttribute('data-table', table.id);
    const head = el('thead'), headRow = el('tr'), body = el('tbody');
    // The first rows only until asked (a large network's tables would hold up the page), all of them in print.
    let limit = 200;
    const more = el('button', 'more', word('showAll') + ' (' + table.rows.length + ')');
    function show() {
      body.replaceChildren.apply(body, rows.slice(0, limit).map(function (r) { return r.tr; }));
      more.hidden = rows.length <= limit;
    }
    const rows = table.rows.map(function (cells, index) {
      const tr = el('tr');
      cells.forEach(function (value, column) {
        const td = el('td', table.types[column] === 'text' ? null : 'num', cellText(table, column, value));
        tr.append(td);
      });
      const node = table.nodes[index], source = table.sources ? table.sources[index] : null;
      if (node || source) {
        tr.setAttribute('tabindex', '0');
        tr.className = 'pick';
        const pick = function () {
          if (node) selectNode(node, { centre: true });
          else selectSource(source);
          document.getElementById('map').scrollIntoView({ block: 'nearest' });
        };
        tr.addEventListener('click', pick);
        tr.addEventListener('keydown', function (event) { if (event.key === 'Enter') { event.preventDefault(); pick(); } });
      }
      return { cells: cells, tr: tr, index: index };
    });
    table.columns.forEach(function (key, column) {
      const th = el('th', table.types[column] === 'text' ? null : 'num');
      th.setAttribute('scope', 'col');
      th.setAttribute('aria-sort', 'none');
      const b = el('button', 'sort', word(key));
      b.type = 'button';
      b.addEventListener('click', function () {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const other of headRow.children) other.setAttribute('aria-sort', 'none');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const numeric = table.types[column] !== 'text';
        rows.sort(function (a, b) {
          const x = a.cells[column], y = b.cells[column];
          if (x === null && y === null) return a.index - b.index;
          if (x === null) return 1;
          if (y === null) return -1;
          const c = numeric ? x - y : collator.compare(cellText(table, column, x), cellText(table, column, y));
          return (ascending ? c : -c) || a.index - b.index;
        });
        show();
      });
      th.append(b);
      headRow.append(th);
    });
    head.append(headRow);
    show();
    t.append(head, body);
    wrap.append(t);
    section.append(wrap);
    if (rows.length > limit) {
      more.type = 'button';
      more.addEventListener('click', function () { limit = Infinity; show(); });
      section.append(more);
    }
    expanders.push(function () { limit = Infinity; show(); });
    return section;
  }
  const expanders = [];
  window.addEventListener('beforeprint', function () { for (const expand of expanders) expand(); });
  const tables = document.getElementById('tables-body');
  for (const table of data.tables) tables.append(buildTable(table));

  // ---------------------------------------------------------------- consortium proposals
  const consortia = document.getElementById('consortia');
  if (data.consortia.length === 0) consortia.hidden = true;
  for (const entry of data.consortia) {
    const box = el('section', 'consortium');
    box.append(el('h3', null, entry.programmeLabel + ' — ' + word('lead') + ': ' + nodeLabel(entry.lead)));
    for (const c of entry.citations) {
      const p = el('p', 'cite');
      p.append(el('cite', null, c.title));
      const href = c.url ? safeURL(c.url) : null;
      if (href) {
        const a = el('a', 'cite-link', c.url);
        a.setAttribute('href', href); a.setAttribute('rel', 'noopener noreferrer'); a.setAttribute('target', '_blank');
        p.append(' ', a);
      } else if (c.url) p.append(' ', el('span', 'cite-url', c.url));
      box.append(p);
    }
    // What no consortium can meet first (there are no proposals then); how the search went folded away.
    if (entry.unmet.length) {
      const unmet = el('div', 'unmet');
      unmet.append(el('p', null, word('noConsortium')));
      const list = el('ul');
      for (const item of entry.unmet) list.append(el('li', null, item));
      unmet.append(list);
      box.append(unmet);
    }
    if (entry.notes.length) {
      const notes = el('details', 'search-notes');
      notes.append(el('summary', null, word('searchNotes')));
      const list = el('ul');
      for (const note of entry.notes) list.append(el('li', 'note', note));
      notes.append(list);
      box.append(notes);
    }
    const list = el('ol', 'proposals');
    for (const proposal of entry.proposals) {
      const li = el('li', 'proposal');
      const pick = el('button', 'proposal-pick', word('score') + ' ' + decimal(proposal.score, 3) + ': ' +
        proposal.partners.map(function (p) { return nodeLabel(p.id); }).join(', '));
      pick.type = 'button';
      pick.addEventListener('click', function () {
        const elements = [];
        for (const partner of proposal.partners) {
          elements.push([nodeElements.get(partner.id), partner.role === 'lead']);
          for (const hop of partner.path) {
            elements.push([nodeElements.get(hop.from), false], [nodeElements.get(hop.to), false]);
            data.edges.forEach(function (edge, index) {
              if (edge.relation === hop.relation && ((edge.from === hop.from && edge.to === hop.to) || (edge.from === hop.to && edge.to === hop.from))) {
                elements.push([edgeElements[index], false]);
              }
            });
          }
        }
        mark(elements);
        document.getElementById('map').scrollIntoView({ block: 'nearest' });
      });
      li.append(pick);
      const partners = el('ul', 'partners');
      for (const partner of proposal.partners) {
        const p = el('li');
        p.append(nodeButton(partner.id), ' ', el('span', 'role', partner.role === 'lead' ? word('lead') : ''));
        if (partner.path.length) {
          const path = el('div', 'path');
          path.append(nodeLabel(partner.path[0].from));
          for (const hop of partner.path) {
            path.append(' ' + (hop.reversed ? '←' : '—') + relationLabel(hop.relation) + (hop.reversed ? '— ' : '→ ') + nodeLabel(hop.to));
            path.append(el('span', 'hop-cite', hop.citation ? ' [' + hop.citation + ']' : ' [' + word('uncited') + ']'));
          }
          p.append(path);
        }
        partners.append(p);
      }
      const rules = el('ul', 'rules');
      for (const rule of proposal.rules) rules.append(el('li', rule.met ? 'met' : 'unmet', (rule.met ? '✓ ' : '✗ ') + rule.rule));
      li.append(partners, el('h4', null, word('rules')), rules);
      list.append(li);
    }
    box.append(list);
    consortia.append(box);
  }

  const wanted = /^#node=(.*)$/.exec(location.hash);
  let opened = null;
  try { opened = wanted ? decodeURIComponent(wanted[1]) : null; } catch (e) { opened = null; }
  if (opened && nodes.has(opened)) selectNode(opened, { centre: true }); else clearSelection();
  document.body.classList.add('ready');
  performance.mark('netmap-ready');
})();
