"""The request journal page at /__admin/: the requests as they arrive, each one's bodies pretty-printed.

One static page; its script polls ``requests`` (the JSON journal) every second. XML is indented
in the browser (DOMParser), and a request's contract violations are listed above it with the
elements they name highlighted in the body; so are its warnings (the departures from the contract
the mock read past as the vendor would), which its row counts in a badge beside the verdict.
The URL fragment ``#select=<id>@<tenant>`` names the request shown: clicking a row sets it, so a
page's address is a link to one request.
The header's filters (tenant, operation, verdict) become the query of ``requests``, so the server
filters; its button clears the journal (the selected tenant's, or every tenant's) after a confirm.
The body is a grid of two rows, the header's line and the rest, so the table starts under the header
whether or not a request is shown.
"""

from __future__ import annotations

HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>timecard-mockserver: request journal</title>
<style>
  body {
    font: 14px system-ui, sans-serif; margin: 0; height: 100vh;
    display: grid; grid-template-columns: 44% 56%; grid-template-rows: auto 1fr;
  }
  header {
    grid-column: 1 / 3; padding: .5rem 1rem; background: #223; color: #fff;
    display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; white-space: nowrap;
  }
  header select, header button { font: inherit; }
  #clear { margin-left: auto; }
  #list { overflow: auto; border-right: 1px solid #ccc; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eee; white-space: nowrap; }
  th { position: sticky; top: 0; background: #e4e4ec; }
  tr.entry { cursor: pointer; }
  tr.entry:hover, tr.selected { background: #eef; }
  .verdict-ok { color: #070; } .verdict-client-fault { color: #b00; }
  .verdict-server-fault { color: #b00; font-weight: bold; } .verdict-injected { color: #a60; }
  #detail { overflow: auto; padding: 0 1rem; }
  pre { background: #f7f7f9; padding: .5rem; white-space: pre-wrap; word-break: break-all; }
  .violation { background: #fdd; border-left: 4px solid #b00; padding: .25rem .5rem; margin: .25rem 0; }
  mark.violated { background: #fbb; }
  .badge { background: #fc6; color: #530; border-radius: .6em; padding: 0 .4em; margin-left: .25em; }
  .warning { background: #ffefc4; border-left: 4px solid #c80; padding: .25rem .5rem; margin: .25rem 0; }
  mark.warned { background: #fd8; }
</style>
</head>
<body>
<header>
  <span>timecard-mockserver &mdash; request journal <span id="count"></span></span>
  <label>tenant <select id="tenant"><option value="">all</option></select></label>
  <label>operation <select id="operation"><option value="">all</option></select></label>
  <label>verdict <select id="verdict"></select></label>
  <button id="clear" type="button">Clear every tenant's journal</button>
</header>
<div id="list"><table>
  <thead><tr><th>time</th><th>tenant</th><th>operation</th><th>verdict</th><th>status</th><th>ms</th></tr></thead>
  <tbody id="entries"></tbody>
</table></div>
<div id="detail"><p>Select a request.</p></div>
<script>
"use strict";
let entries = [];
let selected = null;
const operationsSeen = new Set();
const filters = ["tenant", "operation", "verdict"].map(id => document.getElementById(id));
const clear = document.getElementById("clear");

function pretty(xml) {
  const parsed = new DOMParser().parseFromString(xml, "application/xml");
  if (!xml || parsed.getElementsByTagName("parsererror").length) return xml;
  const lines = [];
  (function walk(node, depth) {
    const pad = "  ".repeat(depth);
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.nodeValue.trim()) lines.push(pad + node.nodeValue.trim());
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const attrs = Array.from(node.attributes).map(a => ` ${a.name}="${a.value}"`).join("");
    const kids = Array.from(node.childNodes).filter(n => n.nodeType === 1 || (n.nodeType === 3 && n.nodeValue.trim()));
    if (kids.length === 1 && kids[0].nodeType === 3) {
      lines.push(`${pad}<${node.nodeName}${attrs}>${kids[0].nodeValue.trim()}</${node.nodeName}>`);
    } else if (!kids.length) {
      lines.push(`${pad}<${node.nodeName}${attrs}/>`);
    } else {
      lines.push(`${pad}<${node.nodeName}${attrs}>`);
      kids.forEach(k => walk(k, depth + 1));
      lines.push(`${pad}</${node.nodeName}>`);
    }
  })(parsed.documentElement, 0);
  return lines.join("\\n");
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// The escaped body with the elements the departures name marked (class "violated" or "warned").
function highlighted(html, departures, kind) {
  for (const v of departures) {
    const local = (v.path.split("/").pop() || "").replace(/^.*:/, "").replace(/\\[.*\\]$/, "");
    if (!local) continue;
    const pattern = new RegExp(`(&lt;/?[\\\\w.-]*:?${local}\\\\b[^&]*?&gt;)`, "g");
    html = html.replace(pattern, `<mark class="${kind}">$1</mark>`);
  }
  return html;
}

function departures(list, kind) {
  return list.map(d => `<div class="${kind}"><b>${escape(d.path)}</b>: ${escape(d.reason)}</div>`).join("");
}

// A row's count of warnings, beside its verdict (none: nothing).
function badge(entry) {
  const count = (entry.warnings || []).length;
  if (!count) return "";
  return ` <span class="badge" title="${count} warning(s): read past as the vendor would">&#9888; ${count}</span>`;
}

function show(entry) {
  selected = entry.id + "@" + entry.tenant;
  const violations = entry.violations || [];
  const warnings = entry.warnings || [];
  document.getElementById("detail").innerHTML =
    `<h2>${entry.operation || "(no operation)"} <small class="verdict-${entry.verdict}">${entry.verdict}</small></h2>` +
    `<p>${entry.loggedDate} &middot; tenant ${entry.tenant} &middot; ${entry.url} &middot; HTTP ${entry.status}</p>` +
    departures(violations, "violation") + departures(warnings, "warning") +
    `<h3>Request</h3><pre id="request">` +
    `${highlighted(highlighted(escape(pretty(entry.body)), violations, "violated"), warnings, "warned")}</pre>` +
    `<h3>Response</h3><pre id="response">${escape(pretty(entry.response))}</pre>`;
  render();
}

function render() {
  const rows = entries.slice().reverse().map(e => {
    const key = e.id + "@" + e.tenant;
    return `<tr class="entry${key === selected ? " selected" : ""}" data-key="${key}">` +
      `<td>${e.loggedDate.slice(11, 23)}</td><td>${e.tenant}</td><td>${e.operation || "-"}</td>` +
      `<td class="verdict-${e.verdict}">${e.verdict}${badge(e)}</td><td>${e.status}</td><td>${e.durationMs}</td></tr>`;
  });
  document.getElementById("entries").innerHTML = rows.join("");
  document.getElementById("count").textContent = `(${entries.length})`;
}

// The fragment names the request shown: "#select=<id>@<tenant>" (tenant URI-encoded).
function selectFromFragment() {
  const match = /^#select=(.+)$/.exec(location.hash);
  if (!match) return;
  let key;
  try { key = decodeURIComponent(match[1]); } catch (error) { return; }
  if (key === selected) return;
  const entry = entries.find(e => e.id + "@" + e.tenant === key);
  if (entry) show(entry);
  else document.getElementById("detail").innerHTML = `<p>No request ${escape(key)} in the journal.</p>`;
}

document.getElementById("entries").addEventListener("click", event => {
  const row = event.target.closest("tr.entry");
  if (!row) return;
  const at = row.dataset.key.indexOf("@");
  location.hash = "select=" + row.dataset.key.slice(0, at + 1) + encodeURIComponent(row.dataset.key.slice(at + 1));
});
window.addEventListener("hashchange", selectFromFragment);

// The filters chosen, as the query of "requests" (the server filters).
function query() {
  return new URLSearchParams(filters.filter(f => f.value).map(f => [f.id, f.value])).toString();
}

// A select's choices: "all", then the values; replaced only when they change, so an open list stays open.
function offer(select, values) {
  const wanted = ["", ...values];
  if (Array.from(select.options, o => o.value).join("\\n") === wanted.join("\\n")) return;
  const chosen = select.value;
  select.replaceChildren(...wanted.map(v => new Option(v || "all", v)));
  select.value = wanted.includes(chosen) ? chosen : "";
}

async function refresh() {
  const asked = query();
  const [journal, tenants] = await Promise.all([fetch("requests?" + asked), fetch("tenants")]);
  const found = (await journal.json()).requests;
  const names = (await tenants.json()).tenants.map(t => t.name);
  if (asked !== query()) return;  // the filters changed meanwhile: that answer is stale
  entries = found;
  entries.forEach(e => e.operation && operationsSeen.add(e.operation));
  offer(filters[0], names.sort());
  offer(filters[1], Array.from(operationsSeen).sort());
  const tenant = filters[0].value;
  clear.textContent = tenant ? `Clear tenant ${tenant}'s journal` : "Clear every tenant's journal";
  render();
  selectFromFragment();
}

offer(filters[2], ["ok", "client-fault", "server-fault", "injected"]);
filters.forEach(f => f.addEventListener("change", refresh));
clear.addEventListener("click", async () => {
  const tenant = filters[0].value;
  if (!confirm(tenant ? `Clear the journal of tenant ${tenant}?` : "Clear the journal of every tenant?")) return;
  await fetch("requests" + (tenant ? "?tenant=" + encodeURIComponent(tenant) : ""), {method: "DELETE"});
  await refresh();
});

async function poll() {
  try {
    await refresh();
  } finally {
    setTimeout(poll, 1000);
  }
}
poll();
</script>
</body>
</html>
"""
