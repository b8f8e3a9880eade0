// Accord exposure explorer: type a package, pick a range, see products, sites and the sector x country table.
// Data is only ever inserted with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

async function api(path) {
  const response = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    throw new Error(body.error + (body.location ? " (" + body.location + ")" : ""));
  }
  return body;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function pathCell(row, path) {
  const td = row.insertCell();
  td.className = "path";
  for (const purl of path) {
    const span = document.createElement("span");
    span.textContent = purl;
    td.appendChild(span);
  }
}

function chips(container, values) {
  container.replaceChildren();
  for (const value of values) {
    const span = document.createElement("span");
    span.textContent = value;
    container.appendChild(span);
  }
}

let suggestTimer = null;
let knownVersions = [];

async function suggest() {
  const prefix = $("package").value.trim();
  if (!prefix.startsWith("pkg:") || prefix.length < 6) return;
  try {
    const body = await api("/api/v1/components?limit=20&purl_prefix=" + encodeURIComponent(prefix));
    const list = $("packages");
    list.replaceChildren();
    for (const pkg of body.packages) {
      const option = document.createElement("option");
      option.value = pkg.packageKey;
      list.appendChild(option);
    }
    const exact = body.packages.find((pkg) => pkg.packageKey === prefix);
    showVersions(exact ? exact.versions : []);
  } catch (error) {
    $("status").textContent = error.message;
  }
}

function showVersions(versions) {
  knownVersions = versions;
  $("versions-box").hidden = versions.length === 0;
  chips($("versions"), versions);
  for (const id of ["from", "to"]) {
    const select = $(id);
    select.replaceChildren();
    const none = document.createElement("option");
    none.value = "";
    none.textContent = id === "from" ? "(oldest)" : "(newest, included)";
    select.appendChild(none);
    for (const version of versions) {
      const option = document.createElement("option");
      option.value = version;
      option.textContent = version;
      select.appendChild(option);
    }
  }
}

function rangeFromSelects() {
  const from = $("from").value;
  const to = $("to").value;
  if (!from && !to) return "";
  return "[" + from + "," + to + (to ? ")" : "]");
}

async function search(event) {
  event.preventDefault();
  const purl = $("package").value.trim();
  const range = $("range").value.trim() || rangeFromSelects();
  $("status").textContent = "Searching…";
  const started = performance.now();
  try {
    const query = "/api/v1/where-used?purl=" + encodeURIComponent(purl) + (range ? "&range=" + encodeURIComponent(range) : "");
    const result = await api(query);
    render(result);
    $("status").textContent = "Answered in " + Math.round(performance.now() - started) + " ms" + (result.range ? " for " + result.range : "") + ".";
  } catch (error) {
    $("results").hidden = true;
    $("status").textContent = error.message;
    $("status").className = "error";
    return;
  }
  $("status").className = "";
}

function render(result) {
  $("results").hidden = false;
  chips($("matched"), result.matched);
  $("matched-count").textContent = "(" + result.matched.length + ")";

  const products = $("products").tBodies[0];
  products.replaceChildren();
  for (const hit of result.products) {
    const row = products.insertRow();
    cell(row, hit.purl);
    pathCell(row, hit.path);
  }
  $("product-count").textContent = "(" + result.products.length + ")";

  const deployments = $("deployments").tBodies[0];
  deployments.replaceChildren();
  for (const hit of result.deployments) {
    const row = deployments.insertRow();
    for (const value of [hit.operator, hit.site, hit.sector, hit.country, hit.criticality, hit.product]) cell(row, value);
    pathCell(row, hit.path);
  }
  $("deployment-count").textContent = "(" + result.deployments.length + ")";
  $("hidden-note").hidden = result.hiddenDeployments === 0;
  $("hidden-note").textContent = result.hiddenDeployments + " more affected sites belong to other operators; they are counted in the table above.";

  renderAggregates(result.aggregates);
}

function renderAggregates(cells) {
  const table = $("aggregates");
  table.replaceChildren();
  const sectors = [...new Set(cells.map((c) => c.sector))].sort();
  const countries = [...new Set(cells.map((c) => c.country))].sort();
  const head = table.createTHead().insertRow();
  cell(head, "sector \\ country");
  for (const country of countries) cell(head, country);
  const body = table.createTBody();
  for (const sector of sectors) {
    const row = body.insertRow();
    cell(row, sector);
    for (const country of countries) {
      const found = cells.find((c) => c.sector === sector && c.country === country);
      cell(row, found ? String(found.deployments) : "", "num");
    }
  }
}

async function start() {
  if (new URLSearchParams(location.search).get("login") === "failed") $("login-failed").hidden = false;
  const session = await api("/session").catch(() => ({ authenticated: false }));
  if (!session.authenticated) {
    $("login").hidden = false;
    return;
  }
  $("org").textContent = session.organization + (session.coordinator ? " (coordinator)" : "");
  $("who").hidden = false;
  $("explorer").hidden = false;
  $("package").addEventListener("input", () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 200);
  });
  $("search").addEventListener("submit", search);
}

document.addEventListener("DOMContentLoaded", start);
