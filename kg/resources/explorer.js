/* kg explorer: draws the graph embedded as JSON in #kg-data with vis-network.
 *
 * Safety rule: text from documents (names, aliases, evidence, titles) reaches the DOM only
 * through textContent / createElement, never innerHTML; vis-network gets no `title` strings
 * (the hover tooltip is ours). Layout comes precomputed from Python; physics stays off.
 */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var nodes = data.nodes, edges = data.edges, types = data.types, preds = data.predicates;
  var N = nodes.length, E = edges.length;
  var MAX_RELATIONS = 150; // per node in the panel; hubs would otherwise build huge DOMs

  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function typeName(t) { return t.zh + " " + t.en; }

  // ------------------------------------------------------------------ indexes
  var adj = [];
  for (var i = 0; i < N; i++) adj.push([]);
  edges.forEach(function (e, j) {
    adj[e.s].push(j);
    if (e.o !== e.s) adj[e.o].push(j);
  });
  var byIri = {};
  nodes.forEach(function (n, k) { byIri[n.id] = k; });

  function norm(s) {
    s = String(s);
    if (s.normalize) s = s.normalize("NFKC");
    return s.toLowerCase().replace(/\s+/g, "");
  }
  var names = nodes.map(function (n) { return [n.label].concat(n.aliases).map(norm); });

  // ------------------------------------------------------------------ state
  var state = {
    typeOn: types.map(function () { return true; }),
    predOn: preds.map(function () { return true; }),
    limited: !!data.limited,
    initial: new Uint8Array(N),
    revealed: new Uint8Array(N),
    selected: null,
    focus: false,
    hops: 2,
    animating: false // a view animation (focus/fit) is running: tests wait for it to end
  };
  (data.initial || []).forEach(function (k) { state.initial[k] = 1; });
  var nodeShown = new Uint8Array(N), edgeShown = new Uint8Array(E);

  function neighbourhood(start, hops) {
    var seen = new Uint8Array(N), frontier = [start];
    seen[start] = 1;
    for (var h = 0; h < hops && frontier.length; h++) {
      var next = [];
      frontier.forEach(function (k) {
        adj[k].forEach(function (j) {
          var e = edges[j];
          if (!state.predOn[e.p]) return;
          var other = e.s === k ? e.o : e.s;
          if (!seen[other] && state.typeOn[nodes[other].type]) { seen[other] = 1; next.push(other); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  function computeVisibility() {
    var sel = state.selected, k, j;
    var nv = new Uint8Array(N), ev = new Uint8Array(E);
    if (state.focus && sel !== null) {
      var hood = neighbourhood(sel, state.hops);
      for (k = 0; k < N; k++) nv[k] = hood[k];
    } else {
      for (k = 0; k < N; k++) {
        nv[k] = state.typeOn[nodes[k].type] && (!state.limited || state.initial[k] || state.revealed[k]) ? 1 : 0;
      }
    }
    if (sel !== null) nv[sel] = 1;
    for (j = 0; j < E; j++) {
      var e = edges[j];
      ev[j] = state.predOn[e.p] && nv[e.s] && nv[e.o] ? 1 : 0;
    }
    return { nodes: nv, edges: ev };
  }

  // ------------------------------------------------------------------ vis-network
  var groups = {};
  types.forEach(function (t, k) {
    groups["t" + k] = {
      shape: t.shape,
      color: {
        background: t.color, border: shade(t.color),
        highlight: { background: t.color, border: "#111111" },
        hover: { background: t.color, border: "#111111" }
      }
    };
  });
  function shade(hex) {
    var v = parseInt(hex.slice(1), 16);
    var r = Math.round(((v >> 16) & 255) * 0.7), g = Math.round(((v >> 8) & 255) * 0.7), b = Math.round((v & 255) * 0.7);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  // All items live in DataSets; the network sees DataViews filtered by nodeShown/edgeShown,
  // so hidden items cost vis-network nothing (no bodies) until they are shown.
  var first = computeVisibility();
  nodeShown = first.nodes;
  edgeShown = first.edges;
  var visNodes = new vis.DataSet(nodes.map(function (n, k) {
    return { id: k, label: n.short, x: n.x, y: n.y, size: n.size, font: { size: n.font }, group: "t" + n.type };
  }));
  var visEdges = new vis.DataSet(edges.map(function (e, j) {
    var p = preds[e.p];
    return {
      id: j, from: e.s, to: e.o,
      color: { color: p.color, highlight: p.color, hover: p.color, opacity: 0.85 },
      width: 1 + Math.min(3, Math.log(e.statements.length || 1) / Math.LN2),
      arrows: p.symmetric ? "" : { to: { enabled: true, scaleFactor: 0.6 } },
      smooth: e.curve ? { enabled: true, type: "curvedCW", roundness: e.curve } : false
    };
  }));
  var nodeView = new vis.DataView(visNodes, { filter: function (item) { return nodeShown[item.id] === 1; } });
  var edgeView = new vis.DataView(visEdges, { filter: function (item) { return edgeShown[item.id] === 1; } });
  timings.datasets = performance.now();
  var big = E > 3000 || N > 3000;
  var network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    groups: groups,
    nodes: {
      borderWidth: 1.5,
      scaling: { label: { drawThreshold: 8 } },
      font: {
        size: 14, color: "#1f2933", strokeWidth: 3, strokeColor: "#ffffff",
        face: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
      }
    },
    edges: { selectionWidth: 2, hoverWidth: 0.5 },
    interaction: {
      hover: true, keyboard: false, multiselect: false, navigationButtons: false,
      hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 200
    }
  });

  timings.network = performance.now();

  function applyVisibility() {
    var v = computeVisibility();
    nodeShown = v.nodes;
    edgeShown = v.edges;
    nodeView.refresh();
    edgeView.refresh();
    updateCount();
  }

  function countOf(arr) { var c = 0; for (var k = 0; k < arr.length; k++) c += arr[k]; return c; }
  function updateCount() {
    $("kg-count").textContent = "节点 nodes " + countOf(nodeShown) + " / " + N +
      " · 关系 edges " + countOf(edgeShown) + " / " + E;
  }

  function fitVisible(animate) {
    var ids = [];
    for (var k = 0; k < N; k++) if (nodeShown[k]) ids.push(k);
    if (!ids.length) return;
    if (animate) animating();
    network.fit({ nodes: ids, maxZoomLevel: 1.2, animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
  }

  // ------------------------------------------------------------------ overview labels
  // Zoomed out, vis-network stops drawing labels below VIS_MIN_PX. Then the names of the most
  // connected entities are drawn at a fixed screen size on top, greedily, skipping any that
  // would overlap a label already there (canvas text: no HTML involved).
  var VIS_MIN_PX = 7; // vis-network hides a label below drawThreshold - 1 px (see options below)
  var OVERLAY_PX = 12, OVERLAY_MAX = 50, FACE = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';
  var byDegree = nodes.map(function (n, k) { return k; }).filter(function (k) { return nodes[k].degree > 0; });
  byDegree.sort(function (a, b) { return nodes[b].degree - nodes[a].degree || a - b; });
  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale();
    if (api) api.overviewLabels = 0;
    if (scale * 14 >= VIS_MIN_PX) return; // vis-network draws every label itself
    var w = ctx.canvas.clientWidth / scale, h = ctx.canvas.clientHeight / scale, c = network.getViewPosition();
    var x0 = c.x - w / 2, x1 = c.x + w / 2, y0 = c.y - h / 2, y1 = c.y + h / 2;
    var bodies = network.body.nodes, placed = [], k, b, i;
    for (k = 0; k < N; k++) { // labels vis-network does draw (large fonts of hubs) are obstacles
      b = bodies[k];
      if (!nodeShown[k] || !b || nodes[k].font * scale < VIS_MIN_PX) continue;
      var hw = nodes[k].font * nodes[k].short.length * 0.55;
      placed.push([b.x - hw, b.y + nodes[k].size, b.x + hw, b.y + nodes[k].size + nodes[k].font * 1.4]);
    }
    if (placed.length > 300) return;
    ctx.save();
    ctx.font = OVERLAY_PX / scale + "px " + FACE;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.fillStyle = "#1f2933";
    var drawn = 0, pad = 2 / scale;
    for (i = 0; i < byDegree.length && drawn < OVERLAY_MAX; i++) {
      k = byDegree[i];
      b = bodies[k];
      if (!nodeShown[k] || !b || nodes[k].font * scale >= VIS_MIN_PX) continue;
      if (b.x < x0 || b.x > x1 || b.y < y0 || b.y > y1) continue;
      var text = nodes[k].short, tw = ctx.measureText(text).width;
      var top = b.y + nodes[k].size + 2 / scale;
      var r = [b.x - tw / 2 - pad, top - pad, b.x + tw / 2 + pad, top + OVERLAY_PX * 1.25 / scale + pad];
      var free = true;
      for (var q = 0; q < placed.length && free; q++) {
        var o = placed[q];
        if (r[0] < o[2] && o[0] < r[2] && r[1] < o[3] && o[1] < r[3]) free = false;
      }
      if (!free) continue;
      placed.push(r);
      ctx.strokeText(text, b.x, top);
      ctx.fillText(text, b.x, top);
      drawn++;
    }
    ctx.restore();
    if (api) api.overviewLabels = drawn;
  });

  // ------------------------------------------------------------------ tooltip
  var tip = $("kg-tooltip"), mouse = { x: 0, y: 0 };
  $("kg-network").addEventListener("mousemove", function (ev) {
    mouse.x = ev.clientX;
    mouse.y = ev.clientY;
    if (!tip.hidden) placeTip();
  });
  function placeTip() {
    var x = mouse.x + 14, y = mouse.y + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = mouse.x - w - 10;
    if (y + h > window.innerHeight - 4) y = mouse.y - h - 10;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function showTip(lines) {
    tip.textContent = lines.join("\n");
    tip.hidden = false;
    placeTip();
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) {
    var n = nodes[p.node];
    var lines = [n.label, typeName(types[n.type]) + " · " + n.degree + " 条关系 relations"];
    if (n.aliases.length) lines.splice(1, 0, "别名 aka: " + n.aliases.slice(0, 6).join("、"));
    showTip(lines);
  });
  network.on("hoverEdge", function (p) {
    var e = edges[p.edge], pr = preds[e.p];
    showTip([pr.zh + " · " + pr.en, nodes[e.s].label + (pr.symmetric ? " — " : " → ") + nodes[e.o].label,
      e.statements.length + " 条证据 evidence"]);
  });
  var animationTimer = null;
  function animating() { // cleared by vis-network's animationFinished, or after 2 s whatever happens
    state.animating = true;
    clearTimeout(animationTimer);
    animationTimer = setTimeout(function () { state.animating = false; }, 2000);
  }
  network.on("animationFinished", function () { state.animating = false; });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // ------------------------------------------------------------------ panel
  var panel = $("kg-panel");

  function swatchFor(t) {
    var s = el("span", "kg-glyph", t.glyph);
    s.style.color = t.color;
    return s;
  }
  function lineFor(p) {
    var s = el("span", "kg-line");
    s.style.background = p.color;
    return s;
  }
  function nodeLink(k) {
    var b = el("button", "kg-link", nodes[k].label);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(k, "link"); });
    return b;
  }
  function statementItem(st) {
    var li = el("li", "kg-statement");
    add(li, el("blockquote", "kg-evidence", st.evidence || "（无证据句 no evidence sentence）"));
    var src = [];
    if (st.doc !== null && st.doc !== undefined) {
      var d = data.documents[st.doc];
      src.push((d.title || d.id) + (d.path ? " — " + d.path : ""));
    }
    if (st.start !== null && st.end !== null) src.push("@" + st.start + "–" + st.end);
    if (st.rule) src.push("规则 rule " + st.rule);
    if (st.confidence !== null) src.push("置信度 conf " + st.confidence);
    add(li, el("div", "kg-source", "来源 source: " + (src.join(" · ") || "—")));
    if (st.qualifiers.length) {
      add(li, el("div", "kg-quals", st.qualifiers.map(function (q) {
        var lab = data.qualifiers[q[0]];
        return (lab ? lab.zh + " " + lab.en : q[0]) + ": " + q[1];
      }).join(" · ")));
    }
    return li;
  }
  function statementList(e) {
    var ol = el("ol", "kg-statements");
    if (!e.statements.length) add(ol, el("li", "kg-more", "无来源记录 no statement recorded"));
    e.statements.forEach(function (st) { add(ol, statementItem(st)); });
    return ol;
  }

  function showNode(k) {
    var n = nodes[k], t = types[n.type];
    clear(panel);
    add(panel, el("h2", "kg-name", n.label));
    add(panel, add(el("div", "kg-type"), swatchFor(t), typeName(t)));
    if (n.aliases.length) {
      var al = add(el("div", "kg-aliases"), el("strong", null, "别名 Aliases: "));
      n.aliases.forEach(function (a) { add(al, el("span", "kg-tag", a)); });
      add(panel, al);
    }
    add(panel, el("div", "kg-iri", n.id));
    if (n.docs.length) {
      add(panel, el("h3", null, "提及于 Mentioned in"));
      var ul = el("ul", "kg-docs");
      n.docs.forEach(function (d) {
        var doc = data.documents[d];
        add(ul, el("li", null, (doc.title || doc.id) + (doc.path ? " — " + doc.path : "")));
      });
      add(panel, ul);
    }
    var groupsByPred = {};
    adj[k].forEach(function (j) { (groupsByPred[edges[j].p] = groupsByPred[edges[j].p] || []).push(j); });
    add(panel, el("h3", null, "关系 Relations (" + adj[k].length + ")"));
    var shown = 0;
    preds.forEach(function (p, pi) {
      var list = groupsByPred[pi];
      if (!list) return;
      list.sort(function (a, b) {
        var oa = edges[a].s === k ? edges[a].o : edges[a].s, ob = edges[b].s === k ? edges[b].o : edges[b].s;
        return nodes[oa].label < nodes[ob].label ? -1 : nodes[oa].label > nodes[ob].label ? 1 : a - b;
      });
      var sec = el("section", "kg-rel-group");
      add(sec, add(el("h3"), lineFor(p), p.zh + " " + p.en + " (" + list.length + ")"));
      var ul = el("ul", "kg-rel-list");
      list.forEach(function (j) {
        if (shown >= MAX_RELATIONS) return;
        shown++;
        var e = edges[j], out = e.s === k, other = out ? e.o : e.s;
        var li = el("li", "kg-rel");
        var head = el("div", "kg-rel-head");
        add(head, p.symmetric ? "— " : out ? "→ " : "← ", nodeLink(other));
        var edgeBtn = el("button", "kg-link kg-edge-link", "(" + e.statements.length + " 条证据 evidence)");
        edgeBtn.type = "button";
        edgeBtn.addEventListener("click", function () { selectEdge(j); });
        add(head, edgeBtn);
        add(li, head, statementList(e));
        add(ul, li);
      });
      add(sec, ul);
      add(panel, sec);
    });
    if (adj[k].length > shown) add(panel, el("p", "kg-more", "… 还有 " + (adj[k].length - shown) + " 条关系 more relations"));
    if (!adj[k].length) add(panel, el("p", "kg-more", "无关系 No relations."));
  }

  function showEdge(j) {
    var e = edges[j], p = preds[e.p];
    clear(panel);
    add(panel, add(el("h2", "kg-name"), lineFor(p), " " + p.zh + " " + p.en));
    var head = el("div", "kg-rel-head");
    add(head, nodeLink(e.s), p.symmetric ? " — " : " → ", nodeLink(e.o));
    add(panel, head);
    add(panel, el("h3", null, "证据 Evidence (" + e.statements.length + ")"));
    add(panel, statementList(e));
  }

  // ------------------------------------------------------------------ selection
  function reveal(k) {
    state.revealed[k] = 1;
    adj[k].forEach(function (j) { state.revealed[edges[j].s] = 1; state.revealed[edges[j].o] = 1; });
  }

  function selectNode(k, how) {
    state.selected = k;
    if (!nodeShown[k]) reveal(k);
    applyVisibility();
    network.unselectAll();
    network.selectNodes([k], true);
    showNode(k);
    if (state.focus) fitVisible(how !== "init");
    else if (how === "search" || how === "link") {
      animating();
      network.focus(k, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    }
  }

  function selectEdge(j) {
    var e = edges[j];
    if (!edgeShown[j]) { reveal(e.s); reveal(e.o); applyVisibility(); }
    network.unselectAll();
    network.selectEdges([j]);
    showEdge(j);
  }

  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    applyVisibility();
    clear(panel);
    add(panel, el("p", "kg-hint", "点击节点或关系查看名称、别名、关系与证据句。 Click a node or an edge to see its evidence."));
  }

  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) selectNode(p.nodes[0], "click");
    else if (p.edges.length) selectEdge(p.edges[0]);
  });

  // ------------------------------------------------------------------ search
  function search(q, limit) {
    q = norm(q);
    if (!q) return [];
    var hits = [];
    for (var k = 0; k < N; k++) {
      var best = 3, via = null, list = names[k];
      for (var m = 0; m < list.length; m++) {
        var s = list[m], score = s === q ? 0 : s.indexOf(q) === 0 ? 1 : s.indexOf(q) > 0 ? 2 : 3;
        if (score < best) { best = score; via = m; }
      }
      if (best < 3) hits.push({ k: k, score: best, via: via });
    }
    hits.sort(function (a, b) {
      return a.score - b.score || nodes[b.k].degree - nodes[a.k].degree ||
        nodes[a.k].label.length - nodes[b.k].label.length || a.k - b.k;
    });
    return hits.slice(0, limit || 12);
  }

  var box = $("kg-search"), sug = $("kg-suggest"), lastHits = [];
  function renderSuggestions(hits) {
    clear(sug);
    if (!box.value.trim()) { sug.hidden = true; return; }
    if (!hits.length) add(sug, el("li", "kg-none", "无匹配 no match"));
    hits.forEach(function (h, idx) {
      var n = nodes[h.k], li = el("li");
      var b = el("button", idx === 0 ? "active" : null);
      b.type = "button";
      b.setAttribute("role", "option");
      add(b, swatchFor(types[n.type]), el("span", "kg-label", n.label));
      if (h.via > 0) add(b, el("span", "kg-alias", "(" + n.aliases[h.via - 1] + ")"));
      b.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
      b.addEventListener("click", function () { choose(h.k); });
      add(sug, add(li, b));
    });
    sug.hidden = false;
  }
  function choose(k) {
    sug.hidden = true;
    selectNode(k, "search");
  }
  box.addEventListener("input", function () {
    lastHits = search(box.value);
    renderSuggestions(lastHits);
    if (lastHits.length && lastHits[0].score === 0 && lastHits[0].k !== state.selected) selectNode(lastHits[0].k, "search");
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      lastHits = search(box.value);
      if (lastHits.length) choose(lastHits[0].k);
    } else if (ev.key === "Escape") {
      sug.hidden = true;
    }
  });
  box.addEventListener("blur", function () { sug.hidden = true; });
  box.addEventListener("focus", function () { if (box.value.trim()) renderSuggestions(search(box.value)); });

  // ------------------------------------------------------------------ legend and filters
  function filterItem(swatch, text, count, checked, onChange) {
    var li = el("li"), lab = el("label"), cb = el("input");
    cb.type = "checkbox";
    cb.checked = checked;
    cb.addEventListener("change", function () { onChange(cb.checked); });
    add(lab, cb, swatch, el("span", null, text), el("span", "kg-count", count));
    return add(li, lab);
  }
  types.forEach(function (t, k) {
    var item = filterItem(swatchFor(t), typeName(t), t.count, true, function (on) { state.typeOn[k] = on; applyVisibility(); });
    item.dataset.type = t.key;
    add($("kg-types"), item);
  });
  preds.forEach(function (p, k) {
    var item = filterItem(lineFor(p), p.zh + " " + p.en, p.count, true, function (on) { state.predOn[k] = on; applyVisibility(); });
    item.dataset.predicate = p.key;
    add($("kg-preds"), item);
  });
  $("kg-focus").addEventListener("change", function (ev) {
    state.focus = ev.target.checked;
    applyVisibility();
    fitVisible(true);
  });
  $("kg-hops").value = String(state.hops);
  $("kg-hops").addEventListener("change", function (ev) {
    state.hops = parseInt(ev.target.value, 10) || 1;
    if (state.focus) { applyVisibility(); fitVisible(true); }
  });
  $("kg-fit").addEventListener("click", function () { fitVisible(true); });
  $("kg-clear").addEventListener("click", clearSelection);

  if (state.limited) {
    var notice = $("kg-notice");
    add(notice, "本图共有 " + N + " 个实体，先显示连接最多的 " + data.initial.length +
      " 个；搜索可查找全部实体。 Showing the " + data.initial.length + " most connected of " + N +
      " entities; search finds them all.");
    var all = el("button", null, "显示全部 Show all");
    all.type = "button";
    all.id = "kg-show-all";
    all.addEventListener("click", function () {
      state.limited = false;
      applyVisibility();
      fitVisible(false);
      notice.hidden = true;
    });
    add(notice, all);
    notice.hidden = false;
  }
  if (!N) add(panel, el("p", "kg-more", "图中没有实体。 The graph has no entities."));

  updateCount();
  // Start on the component of the most connected entity, where hub names are legible; the
  // small components and unconnected entities packed around it are one "Fit" away.
  (function initialView() {
    var hub = -1, k;
    for (k = 0; k < N; k++) if (nodeShown[k] && (hub < 0 || nodes[k].degree > nodes[hub].degree)) hub = k;
    if (hub < 0 || !nodes[hub].degree) { fitVisible(false); return; }
    var seen = new Uint8Array(N), queue = [hub], ids = [];
    seen[hub] = 1;
    while (queue.length) {
      k = queue.pop();
      ids.push(k);
      adj[k].forEach(function (j) {
        var e = edges[j], other = e.s === k ? e.o : e.s;
        if (edgeShown[j] && !seen[other]) { seen[other] = 1; queue.push(other); }
      });
    }
    network.fit({ nodes: ids, maxZoomLevel: 1.2, animation: false });
  })();

  // ------------------------------------------------------------------ test and scripting hook
  var api = window.kgExplorer = {
    ready: false,
    readyAt: null,
    timings: timings,
    overviewLabels: 0, // names drawn by the overview layer in the last frame
    nodeCount: N,
    edgeCount: E,
    network: network,
    renderedNodeCount: function () { return nodeView.length; },
    renderedEdgeCount: function () { return edgeView.length; },
    visibleNodeCount: function () { return countOf(nodeShown); },
    visibleEdgeCount: function () { return countOf(edgeShown); },
    visibleNodeIds: function () { var out = []; for (var k = 0; k < N; k++) if (nodeShown[k]) out.push(nodes[k].id); return out; },
    animating: function () { return state.animating; },
    selected: function () { return state.selected === null ? null : nodes[state.selected].id; },
    select: function (iri) { if (iri in byIri) selectNode(byIri[iri], "search"); return iri in byIri; },
    selectEdge: function (j) { selectEdge(j); },
    search: function (q) { return search(q).map(function (h) { return nodes[h.k].id; }); },
    indexOf: function (iri) { return iri in byIri ? byIri[iri] : -1; }
  };
  network.once("afterDrawing", function () {
    api.ready = true;
    api.readyAt = timings.drawn = performance.now();
    document.documentElement.setAttribute("data-kg-ready", "1");
  });
  network.redraw();
})();
