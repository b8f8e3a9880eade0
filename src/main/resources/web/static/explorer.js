// Accord exposure explorer: find a package by name or PURL, pick a range, then page, sort, filter and
// export the affected products and sites, with the sector x country table and its totals.
// Data is only ever inserted with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const LISTS = ["products", "deployments"];

async function api(path) {
  const response = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    throw new Error(body.error + (body.location ? " (" + body.location + ")" : ""));
  }
  return body;
}

/** A where-used URL; parameters that are empty or null are left out. */
function whereUsedUrl(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(name, String(value));
  }
  return "/api/v1/where-used?" + query;
}

function count(value) {
  return typeof value === "number" ? value.toLocaleString("en") : String(value);
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function headerCell(row, text, scope, className) {
  const th = element("th", text, className);
  th.scope = scope;
  row.appendChild(th);
  return th;
}

function pathCell(row, path) {
  const td = row.insertCell();
  td.className = "path";
  for (const purl of path) td.appendChild(element("span", purl));
}

function chips(container, values) {
  container.replaceChildren(...values.map((value) => element("span", value)));
}

function debounce(action, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, ms);
  };
}

function setStatus(text, isError) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

// ---- package search and versions ----

/** The package value the current range was chosen for; the range is cleared when the package changes. */
let rangePackage = "";
let suggestSequence = 0;

function packageValue() {
  return $("package").value.trim();
}

/** Packages for what is typed: by PURL prefix for "pkg:…", by name otherwise. */
function lookupUrl(text, limit) {
  return text.startsWith("pkg:")
    ? "/api/v1/components?limit=" + limit + "&purl_prefix=" + encodeURIComponent(text)
    : "/api/v1/components?limit=" + limit + "&q=" + encodeURIComponent(text);
}

async function suggest() {
  const text = packageValue();
  const sequence = ++suggestSequence;
  if (text.length < 2 || text === "pkg:") {
    showVersions([]);
    return;
  }
  try {
    const body = await api(lookupUrl(text, 20));
    if (sequence !== suggestSequence) return;
    $("packages").replaceChildren(...body.packages.map((pkg) => {
      const option = document.createElement("option");
      option.value = pkg.packageKey;
      return option;
    }));
    const exact = body.packages.find((pkg) => pkg.packageKey === text);
    showVersions(exact ? exact.versions : []);
  } catch (error) {
    if (sequence === suggestSequence) setStatus(error.message, true);
  }
}

function packageChanged() {
  const text = packageValue();
  if (rangePackage !== "" && text !== rangePackage) resetRange();
  $("choices").hidden = true;
}

function resetRange() {
  $("range").value = "";
  $("from").value = "";
  $("to").value = "";
  rangePackage = "";
}

function rangeEdited() {
  rangePackage = $("range").value.trim() === "" ? "" : packageValue();
}

function showVersions(versions) {
  $("versions-box").hidden = versions.length === 0;
  $("versions-count").textContent = "(" + versions.length + ")";
  chips($("versions"), versions);
  for (const id of ["from", "to"]) {
    const select = $(id);
    const none = element("option", id === "from" ? "(oldest)" : "(newest, included)");
    none.value = "";
    select.replaceChildren(none, ...versions.map((version) => element("option", version)));
  }
}

/** The picked versions as an interval: [from,to), [from,) or (,to). */
function rangeFromSelects() {
  const from = $("from").value;
  const to = $("to").value;
  if (!from && !to) return "";
  return (from ? "[" + from : "(") + "," + to + ")";
}

function selectsChanged() {
  $("range").value = rangeFromSelects();
  rangeEdited();
}

/**
 * The PURL for what was typed. A name is looked up in the catalogue: one match, or one package with
 * exactly that name, is taken; several are offered as choices; none is said so.
 */
async function resolvePackage(text) {
  if (text.startsWith("pkg:")) return text;
  const body = await api(lookupUrl(text, 20));
  const wanted = text.toLowerCase();
  const named = body.packages.filter((pkg) => packageName(pkg.packageKey).toLowerCase() === wanted);
  if (body.packages.length === 1) return body.packages[0].packageKey;
  if (named.length === 1) return named[0].packageKey;
  const choices = named.length > 1 ? named : body.packages;
  $("choices-text").textContent = choices.length === 0
    ? "Accord knows no package whose name contains “" + text + "”."
    : choices.length + " packages match “" + text + "”; pick one:";
  $("choices-list").replaceChildren(...choices.map((pkg) => choiceItem(pkg.packageKey)));
  $("choices").hidden = false;
  return null;
}

function packageName(packageKey) {
  return packageKey.substring(packageKey.lastIndexOf("/") + 1);
}

/**
 * A list item with a button that searches {@code packageKey}. The range is kept: a choice or a
 * suggestion corrects the package the range was written for, it does not change the question.
 */
function choiceItem(packageKey) {
  const button = element("button", packageKey, "link");
  button.type = "button";
  button.addEventListener("click", () => {
    $("package").value = packageKey;
    rangeEdited();
    suggest();
    search();
  });
  const item = document.createElement("li");
  item.appendChild(button);
  return item;
}

// ---- the where-used answer ----

/** The question last asked, and each list's sort, filter and pages (cursor of page i at cursors[i]). */
let asked = null;
let searchSequence = 0;
const lists = {};
for (const name of LISTS) lists[name] = { sort: "", q: "", cursors: [null], page: 0, next: null, sequence: 0, unfiltered: 0 };

function resetLists() {
  for (const name of LISTS) {
    Object.assign(lists[name], { sort: "", q: "", cursors: [null], page: 0, next: null });
    lists[name].sequence++;
    $(name + "-filter").value = "";
  }
}

async function search(event) {
  if (event) event.preventDefault();
  const sequence = ++searchSequence;
  $("notice").hidden = true;
  $("choices").hidden = true;
  const text = packageValue();
  if (!text) {
    setStatus("Type a package name or PURL first.", true);
    return;
  }
  const range = $("range").value.trim();
  setStatus("Searching…");
  const started = performance.now();
  let result;
  try {
    const purl = await resolvePackage(text);
    if (sequence !== searchSequence) return;
    if (purl === null) {
      setStatus("");
      $("results").hidden = true;
      return;
    }
    if (purl !== text) {
      $("package").value = purl;
      if (rangePackage === text) rangePackage = purl;
      suggest();
    }
    resetLists();
    asked = { purl: purl, range: range };
    result = await api(whereUsedUrl({ purl: purl, range: range, limit: PAGE_SIZE }));
  } catch (error) {
    if (sequence !== searchSequence) return;
    $("results").hidden = true;
    setStatus(error.message, true);
    return;
  }
  if (sequence !== searchSequence) return;
  render(result);
  setStatus("Answered in " + Math.round(performance.now() - started) + " ms" + (result.range ? " for " + result.range : "") + ".");
}

function render(result) {
  showNote(result);
  $("results").hidden = result.known === false || result.matched.length === 0;
  chips($("matched"), result.matched);
  $("matched-count").textContent = "(" + result.matched.length + ")";
  renderAggregates(result.aggregates, result.aggregateTotals);
  for (const name of LISTS) {
    lists[name].unfiltered = result.totals[name];
    renderList(name, result);
  }
  // In a view with suppressed cells the API counts hidden sites only in the cells it shows.
  const suppressed = typeof result.aggregateTotals.all === "string";
  const hidden = result.hiddenDeployments;
  $("hidden-note").hidden = hidden === 0 && !suppressed;
  $("hidden-note").textContent = hidden === 0
    ? "Other operators' affected sites are counted only in the table above."
    : (suppressed ? "At least " : "") + count(hidden) + " more affected sites belong to other operators; they are counted in the table above.";
}

/** The answer's note, with its suggestions as buttons, so "not found" never looks like "not exposed". */
function showNote(result) {
  let note = result.note;
  if (!note && result.matched.length === 0) note = "No version of " + result.packageKey + " matched.";
  $("notice").hidden = !note;
  $("notice-text").textContent = note || "";
  const suggestions = result.suggestions || [];
  $("suggestions-box").hidden = suggestions.length === 0;
  $("suggestions").replaceChildren(...suggestions.map((key) => choiceItem(key)));
}

function renderAggregates(cells, totals) {
  const table = $("aggregates");
  table.replaceChildren();
  const sectors = [...new Set(cells.map((c) => c.sector).concat(Object.keys(totals.bySector)))].sort();
  const countries = [...new Set(cells.map((c) => c.country).concat(Object.keys(totals.byCountry)))].sort();
  const byKey = new Map(cells.map((c) => [c.sector + "\u0000" + c.country, c.deployments]));
  const head = table.createTHead().insertRow();
  headerCell(head, "Sector \\ country", "col");
  for (const country of countries) headerCell(head, country, "col", "num");
  headerCell(head, "Total", "col", "num total");
  const body = table.createTBody();
  for (const sector of sectors) {
    const row = body.insertRow();
    headerCell(row, sector, "row");
    for (const country of countries) {
      const value = byKey.get(sector + "\u0000" + country);
      cell(row, value === undefined ? "" : count(value), "num");
    }
    cell(row, count(totals.bySector[sector] ?? 0), "num total");
  }
  const foot = table.createTFoot().insertRow();
  headerCell(foot, "Total", "row");
  for (const country of countries) cell(foot, count(totals.byCountry[country] ?? 0), "num total");
  cell(foot, count(totals.all), "num total");
}

// ---- the two lists: paging, sorting, filtering, export ----

const ROWS = {
  products: (hit, result) => [hit.purl, sbomSource(result, hit.purl), hit.path],
  deployments: (hit) => [hit.operator, hit.site, hit.sector, hit.country, hit.criticality, hit.product, hit.path],
};

const SBOM_SOURCES = {
  owner: "owner's", third_party: "third party's", mixed: "owner's and third party's", none: "none",
};

/** Whose SBOMs a product's path rests on (ADR 0101), with the uploaders this viewer may know. */
function sbomSource(result, purl) {
  const source = result.productSources ? result.productSources[purl] : null;
  if (!source) return "";
  const label = SBOM_SOURCES[source.sbomSource] ?? source.sbomSource;
  return source.sbomUploaders.length === 0 ? label : label + " (" + source.sbomUploaders.join(", ") + ")";
}

function renderList(name, result) {
  const state = lists[name];
  const rows = result[name];
  const tbody = $(name).tBodies[0];
  tbody.replaceChildren();
  for (const hit of rows) {
    const row = tbody.insertRow();
    for (const value of ROWS[name](hit, result)) {
      if (Array.isArray(value)) pathCell(row, value);
      else cell(row, value);
    }
  }
  state.next = result.cursors ? result.cursors[name] : null;
  const total = result.totals[name];
  $(name + "-total").textContent = "(" + (state.q ? count(total) + " of " + count(state.unfiltered) : count(total)) + ")";
  const section = $(name + "-section");
  const first = state.page * PAGE_SIZE + 1;
  const filtered = state.q ? " matching “" + state.q + "”" : "";
  section.querySelector(".range-text").textContent = rows.length === 0
    ? "No rows" + filtered + "."
    : "Rows " + count(first) + "–" + count(first + rows.length - 1) + " of " + count(total) + filtered;
  section.querySelector("[data-page=first]").disabled = state.page === 0;
  section.querySelector("[data-page=previous]").disabled = state.page === 0;
  section.querySelector("[data-page=next]").disabled = !state.next;
  for (const th of $(name).tHead.rows[0].cells) {
    const field = th.dataset.sort;
    if (state.sort === field) th.setAttribute("aria-sort", "ascending");
    else if (state.sort === "-" + field) th.setAttribute("aria-sort", "descending");
    else th.removeAttribute("aria-sort");
  }
  $(name + "-csv").href = whereUsedUrl({
    purl: asked.purl, range: asked.range, list: name, sort: state.sort, q: state.q, format: "csv",
  });
}

async function loadList(name) {
  const state = lists[name];
  const sequence = ++state.sequence;
  const section = $(name + "-section");
  section.setAttribute("aria-busy", "true");
  try {
    const result = await api(whereUsedUrl({
      purl: asked.purl, range: asked.range, list: name, limit: PAGE_SIZE,
      cursor: state.cursors[state.page], sort: state.sort, q: state.q,
    }));
    if (sequence === state.sequence) renderList(name, result);
  } catch (error) {
    if (sequence === state.sequence) setStatus(error.message, true);
  } finally {
    if (sequence === state.sequence) section.removeAttribute("aria-busy");
  }
}

function restart(name) {
  Object.assign(lists[name], { cursors: [null], page: 0, next: null });
  loadList(name);
}

function wireList(name) {
  const state = lists[name];
  const section = $(name + "-section");
  section.querySelector("[data-page=first]").addEventListener("click", () => restart(name));
  section.querySelector("[data-page=previous]").addEventListener("click", () => {
    state.page = Math.max(0, state.page - 1);
    loadList(name);
  });
  section.querySelector("[data-page=next]").addEventListener("click", () => {
    if (!state.next) return;
    state.cursors[state.page + 1] = state.next;
    state.page++;
    loadList(name);
  });
  for (const th of $(name).tHead.rows[0].cells) {
    if (!th.dataset.sort) continue; // a column not sorted by (the products' SBOM source)
    th.querySelector("button").addEventListener("click", () => {
      const field = th.dataset.sort;
      state.sort = state.sort === field ? "-" + field : field;
      restart(name);
    });
  }
  const filter = $(name + "-filter");
  const apply = debounce(() => {
    if (filter.value.trim() === state.q) return;
    state.q = filter.value.trim();
    restart(name);
  }, 300);
  filter.addEventListener("input", apply);
}

async function start() {
  if (new URLSearchParams(location.search).get("login") === "failed") $("login-failed").hidden = false;
  const session = await api("/session").catch(() => ({ authenticated: false }));
  if (!session.authenticated) {
    $("login-csrf").value = session.login_csrf || "";
    $("oidc-login").hidden = !session.oidc;
    $("login").hidden = false;
    return;
  }
  $("logout-csrf").value = session.csrf;
  $("org").textContent = session.organization + (session.coordinator ? " (coordinator)" : "");
  $("who").hidden = false;
  $("explorer").hidden = false;
  const suggestSoon = debounce(suggest, 200);
  $("package").addEventListener("input", () => {
    packageChanged();
    suggestSoon();
  });
  $("range").addEventListener("input", rangeEdited);
  $("from").addEventListener("change", selectsChanged);
  $("to").addEventListener("change", selectsChanged);
  $("search").addEventListener("submit", search);
  for (const name of LISTS) wireList(name);
}

document.addEventListener("DOMContentLoaded", start);
