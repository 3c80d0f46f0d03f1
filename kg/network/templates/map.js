// The map page: draws the network from the JSON block, fills the info panel, search and filters.
// Every text from articles goes into the DOM through textContent, never as markup.
(function () {
  "use strict";
  var DATALIST_LIMIT = 1500;
  var timings = { start: performance.now() };  // milliseconds since navigation, for benchmarks
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var words = data.words;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  timings.network = performance.now();
  var state = { network: network, nodes: nodes, edges: edges, data: data, ready: false, timings: timings };
  window.kgMap = state;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function labelOf(id) {
    var detail = data.details.nodes[id];
    return detail ? detail.label : id;
  }

  // One fact: "A — predicate → B", its role or shared event, then each evidence sentence and its article.
  function factBlock(edgeId) {
    var fact = data.details.edges[edgeId];
    var ends = edges.get(edgeId);
    var block = document.createDocumentFragment();
    var line = labelOf(ends.from) + " — " + fact.predicate + " → " + labelOf(ends.to);
    if (fact.roles && fact.roles.length) line += "（" + fact.roles.join("；") + "）";
    if (fact.via) line += "（" + fact.via + "）";
    block.appendChild(el("p", line, "fact"));
    if (fact.articles > 1) block.appendChild(el("p", words.stated_by + words.colon + fact.articles, "meta"));
    fact.evidence.forEach(function (item) {
      var quote = el("blockquote", item.text);
      quote.appendChild(el("cite", words.source + words.colon + (item.headline || item.article)));
      block.appendChild(quote);
    });
    return block;
  }

  function clearInfo() {
    var info = document.getElementById("kg-info");
    while (info.firstChild) info.removeChild(info.firstChild);
    return info;
  }

  function showNode(id) {
    var detail = data.details.nodes[id];
    if (!detail) return;
    var info = clearInfo();
    info.dataset.node = detail.iri;
    info.appendChild(el("h3", detail.label));
    info.appendChild(el("p", words.type + words.colon + detail.typeName, "meta"));
    if (detail.aliases.length) info.appendChild(el("p", words.aliases + words.colon + detail.aliases.join(words.list_separator), "meta"));
    info.appendChild(el("p", words.articles + words.colon + detail.articles, "meta"));
    info.appendChild(el("h2", words.evidence));
    network.getConnectedEdges(id).forEach(function (edgeId) { info.appendChild(factBlock(edgeId)); });
  }

  function showEdge(edgeId) {
    if (!data.details.edges[edgeId]) return;
    var info = clearInfo();
    info.dataset.edge = edgeId;
    info.appendChild(el("h2", words.evidence));
    info.appendChild(factBlock(edgeId));
  }

  network.on("hoverNode", function (params) { showNode(params.node); });
  network.on("hoverEdge", function (params) { showEdge(params.edge); });
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // What hides a node: its type unticked in the legend, or having no fact while isolated
  // entities are not shown (unless a search brought it up).
  var typeShown = {};
  var showIsolated = false;
  var revealed = {};
  var hidden = {};
  var kindOf = {};
  var isolatedIds = [];
  data.nodes.forEach(function (n) {
    hidden[n.id] = !!n.hidden;
    kindOf[n.id] = n.kind;
    if (n.isolated) isolatedIds.push(n.id);
  });
  var isolatedSet = {};
  isolatedIds.forEach(function (id) { isolatedSet[id] = true; });

  function applyVisibility(changed) {
    var updates = [];
    changed.forEach(function (id) {
      var hide = typeShown[kindOf[id]] === false || (isolatedSet[id] === true && !showIsolated && !revealed[id]);
      if (hide !== hidden[id]) {
        hidden[id] = hide;
        updates.push({ id: id, hidden: hide });
      }
    });
    if (updates.length) nodes.update(updates);
  }

  // Search: exact label, then alias, then the first label containing the text.
  var names = document.getElementById("kg-names");
  var ids = Object.keys(data.details.nodes);
  // Suggestions only for smaller maps: Chromium filters a long datalist on every keystroke.
  if (ids.length <= DATALIST_LIMIT) {
    ids.forEach(function (id) {
      var option = document.createElement("option");
      option.value = data.details.nodes[id].label;
      names.appendChild(option);
    });
  }

  function findNode(text) {
    var query = text.trim();
    if (!query) return null;
    var tests = [
      function (d) { return d.label === query; },
      function (d) { return d.aliases.indexOf(query) >= 0; },
      function (d) { return d.label.indexOf(query) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < ids.length; i++) {
        var id = ids[i];
        if (typeShown[kindOf[id]] !== false && tests[t](data.details.nodes[id])) return id;
      }
    }
    return null;
  }

  function focusNode(id) {
    if (hidden[id]) {  // an isolated entity found by name is shown, alone
      revealed[id] = true;
      applyVisibility([id]);
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.5, animation: false });
    showNode(id);
  }
  state.focusNode = focusNode;
  // The page id of an entity IRI (for scripts and tests driving the page).
  state.pageId = function (iri) {
    for (var i = 0; i < ids.length; i++) if (data.details.nodes[ids[i]].iri === iri) return ids[i];
    return null;
  };

  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = document.getElementById("kg-search").value;
    var message = document.getElementById("kg-search-message");
    var id = findNode(text);
    message.textContent = id ? "" : words.not_found + text;
    if (id) focusNode(id);
  });

  // Legend: a checkbox per entity type hides or shows its nodes; a colour line per predicate.
  var byType = {};
  data.nodes.forEach(function (n) { (byType[n.kind] = byType[n.kind] || []).push(n.id); });
  var typeList = document.getElementById("kg-types");
  data.legend.types.forEach(function (item) {
    var row = el("li");
    var label = el("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.type = item.type;
    box.addEventListener("change", function () {
      typeShown[item.type] = box.checked;
      applyVisibility(byType[item.type] || []);
    });
    var swatch = el("span", null, "swatch");
    swatch.style.background = item.color;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(item.name + " (" + (byType[item.type] || []).length + ")"));
    row.appendChild(label);
    typeList.appendChild(row);
  });
  var predicateList = document.getElementById("kg-predicates");
  data.legend.predicates.forEach(function (item) {
    var row = el("li");
    var line = el("span", null, "line");
    line.style.background = item.color;
    row.appendChild(line);
    row.appendChild(document.createTextNode(item.name));
    predicateList.appendChild(row);
  });

  // The page opens on the main component(s), zoomed so that their labels can be read; the
  // smaller ones lie beside them, and "whole map" zooms out to everything shown.
  function openingView() {
    var view = data.view;
    var width = container.clientWidth, height = container.clientHeight;
    if (!view || !width || !height) {
      network.fit({ animation: false });
      return;
    }
    var scale = Math.min(width / (view[2] - view[0]), height / (view[3] - view[1]), 1.0) * 0.95;
    network.moveTo({ position: { x: (view[0] + view[2]) / 2, y: (view[1] + view[3]) / 2 }, scale: scale,
                     animation: false });
  }
  state.openingView = openingView;
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: false }); });

  // Isolated entities (no fact links them to another) wait in a grid below until asked for.
  var isolatedBox = document.getElementById("kg-isolated");
  if (isolatedBox) {
    isolatedBox.addEventListener("change", function () {
      showIsolated = isolatedBox.checked;
      revealed = {};
      applyVisibility(isolatedIds);
      if (showIsolated) network.fit({ animation: false });
      else openingView();
    });
  }

  openingView();
  network.once("afterDrawing", function () {
    timings.drawn = performance.now();
    state.ready = true;
    document.body.dataset.ready = "true";
  });
})();
