// Draws a network view from the JSON in #network-data with vis-network (served locally),
// and wires pyvis's select and filter helpers (/vendor/bindings/utils.js).
var nodes, edges, network, allNodes, allEdges, nodeColors = {};
var highlightActive = false, filterActive = false;
var filter = { item: "node", property: "", value: [] };

(function () {
  var raw = JSON.parse(document.getElementById("network-data").textContent);
  nodes = new vis.DataSet(raw.nodes);
  edges = new vis.DataSet(raw.edges);
  allNodes = nodes.get({ returnType: "Object" });
  allEdges = edges.get({ returnType: "Object" });
  for (var id in allNodes) { nodeColors[id] = allNodes[id].color; }
  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, { nodes: nodes, edges: edges }, raw.options);
  network.on("click", neighbourhoodHighlight);
  network.once("afterDrawing", function () { document.body.dataset.networkReady = "1"; });
  window.agencynetNetwork = network;

  var picker = new TomSelect("#select-node", { create: false, maxOptions: 500 });
  picker.on("change", function (value) { if (value) { selectNode([value]); network.focus(value, { scale: 1.1 }); } });
  document.getElementById("reset-select").onclick = function () {
    picker.clear(true); neighbourhoodHighlight({ nodes: [] });
  };

  var PROPS = { node: ["kind", "family", "function", "label"], edge: ["type"] };
  var itemSel = document.getElementById("filter-item");
  var propSel = document.getElementById("filter-property");
  var valueSel = document.getElementById("filter-value");
  function fill(select, values) {
    select.textContent = "";
    values.forEach(function (v) { var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o); });
  }
  var valuePicker = new TomSelect("#filter-value", { create: false, maxItems: null, placeholder: "values…" });
  function refreshValues() {
    var rows = itemSel.value === "node" ? allNodes : allEdges, seen = {};
    for (var k in rows) { var v = rows[k][propSel.value]; if (v !== undefined && v !== "") seen[String(v)] = 1; }
    valuePicker.clear(true); valuePicker.clearOptions();
    Object.keys(seen).sort().forEach(function (v) { valuePicker.addOption({ value: v, text: v }); });
  }
  function refreshProps() { fill(propSel, PROPS[itemSel.value]); refreshValues(); }
  itemSel.onchange = refreshProps;
  propSel.onchange = refreshValues;
  refreshProps();
  document.getElementById("apply-filter").onclick = function () {
    filter = { item: itemSel.value, property: propSel.value,
               value: valuePicker.getValue() };
    if (filter.value.length) { highlightFilter(filter); }
  };
  document.getElementById("reset-filter").onclick = function () {
    valuePicker.clear(true); filterHighlight({ nodes: [] });
  };
})();
