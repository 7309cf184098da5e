// The search page's script: Pagefind's API over the shards of the search index (one
// bundle a legislature, in the language of the texts searched), one legislature's or
// all of them; facets as selects, and results as links to the question pages.
// Nothing typed or indexed is inserted as HTML: text goes in with textContent, and
// excerpts keep only their <mark>s.

const config = JSON.parse(document.getElementById("search-config").textContent);
const form = document.querySelector("form.search");
const input = document.getElementById("search-terms");
const scopeSelect = document.getElementById("search-scope");
const facetsBox = form.querySelector(".search-facets");
const statusLine = document.querySelector(".search-status");
const everywhere = document.querySelector(".search-everywhere");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more");
const PAGE = 20;
const EVERY = config.every;

const params = new URLSearchParams(location.search);
const texts = config.scopes[params.get("texts")] ? params.get("texts") : config.texts;
const scopes = config.scopes[texts];
const scope = chosenScope(params.get("legislature"));
let pagefind = null;
let facetsBuilt = null;
let lastCounts = null;
let results = [];
let shown = 0;

function chosenScope(asked) {
  if (asked === EVERY || scopes.some((s) => s.name === asked)) return asked;
  return config.default_scope[texts];
}

function scopeBundles() {
  return scopes.filter((s) => scope === EVERY || s.name === scope).map((s) => s.bundle);
}

function absolute(path) {
  return new URL(path, document.baseURI).pathname;
}

async function load() {
  const bundles = scopeBundles();
  if (!bundles.length) return null;
  const module = await import(absolute(bundles[0] + "pagefind.js"));
  await module.options({ excerptLength: 24 });
  await module.init();
  for (const bundle of bundles.slice(1)) {
    await module.mergeIndex(absolute(bundle));
  }
  return module;
}

function valueLabel(facet, value) {
  return facet === "status" ? config.statuses[value] || value : value;
}

function facetOrder(facet, values) {
  const sorted = values.sort((a, b) =>
    valueLabel(facet, a).localeCompare(valueLabel(facet, b), texts, { numeric: true }));
  return ["year", "session"].includes(facet) ? sorted.reverse() : sorted;
}

function buildScopes() {
  const choices = [[EVERY, config.words.everywhere], ...scopes.map((s) => [s.name, s.label])];
  for (const [name, label] of choices) scopeSelect.append(new Option(label, name));
  scopeSelect.value = scope;
  scopeSelect.addEventListener("change", () => reloadWith("legislature", scopeSelect.value));
}

function reloadWith(name, value) {
  // another scope or text language is another set of bundles: the page starts again
  const next = new URLSearchParams(location.search);
  next.set(name, value);
  location.search = next.toString();
}

function facetsWanted() {
  return config.facets.some(([facet]) => params.has(facet));
}

function openFacets() {
  // the facets' values and counts are Pagefind's, for the scope: read when first shown
  facetsBuilt ||= pagefind.filters().then(buildFacets);
  return facetsBuilt;
}

function buildFacets(available) {
  const box = document.createElement("div");
  box.className = "search-facet-list";
  for (const [facet, heading] of config.facets) {
    const values = Object.keys(available[facet] || {});
    if (!values.length) continue;
    const label = document.createElement("label");
    const name = document.createElement("span");
    name.textContent = heading;
    const select = document.createElement("select");
    select.name = facet;
    select.dataset.facet = facet;
    select.append(new Option(config.words.any, ""));
    for (const value of facetOrder(facet, values)) {
      const option = new Option(valueLabel(facet, value), value);
      option.dataset.label = valueLabel(facet, value);
      select.append(option);
    }
    select.value = params.get(facet) || "";
    select.addEventListener("change", search);
    label.append(name, " ", select);
    box.append(label);
  }
  facetsBox.append(box);
  showCounts(lastCounts || available);
}

function chosenFilters() {
  const filters = {};
  for (const select of facetsBox.querySelectorAll("select")) {
    if (select.value) filters[select.dataset.facet] = select.value;
  }
  return filters;
}

function remember(term, chosen) {
  const state = new URLSearchParams();
  if (term) state.set("q", term);
  if (texts !== config.texts) state.set("texts", texts);
  if (scope !== config.default_scope[texts]) state.set("legislature", scope);
  for (const [facet, value] of Object.entries(chosen)) state.set(facet, value);
  const query = state.toString();
  history.replaceState(null, "", query ? "?" + query : location.pathname);
  state.set("legislature", EVERY);
  everywhere.querySelector("a").href = location.pathname + "?" + state.toString();
  everywhere.hidden = scope === EVERY || scopes.length < 2;
}

function showCounts(counts) {
  // the counts Pagefind gives with the results, once it has a facet's filters
  for (const select of facetsBox.querySelectorAll("select")) {
    const facet = counts[select.dataset.facet];
    for (const option of select.options) {
      if (!option.value) continue;
      option.textContent = facet
        ? `${option.dataset.label} (${facet[option.value] || 0})`
        : option.dataset.label;
    }
  }
}

async function search(event) {
  if (event) event.preventDefault();
  const term = input.value.trim();
  const chosen = chosenFilters();
  remember(term, chosen);
  if (!pagefind) return;
  if (!term && !Object.keys(chosen).length) {
    results = [];
    list.replaceChildren();
    statusLine.textContent = "";
    more.hidden = true;
    return;
  }
  const found = await pagefind.debouncedSearch(term || null, { filters: chosen }, 200);
  if (found === null) return; // a later search replaced this one
  results = found.results;
  shown = 0;
  list.replaceChildren();
  lastCounts = found.filters || {};
  showCounts(lastCounts);
  const noun = results.length === 1 ? config.words.result : config.words.results;
  statusLine.textContent = results.length ? `${results.length} ${noun}` : config.words.no_results;
  await showMore();
}

async function showMore() {
  const next = results.slice(shown, shown + PAGE);
  shown += next.length;
  const data = await Promise.all(next.map((result) => result.data()));
  list.append(...data.map(resultItem));
  more.hidden = shown >= results.length;
}

function resultItem(data) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = config.root + data.meta.path + config.page;
  link.lang = texts;
  link.textContent = data.meta.title || data.meta.identifier;
  const about = document.createElement("span");
  about.className = "search-about";
  about.textContent = ` ${data.meta.identifier} · ${data.meta.date}`;
  const excerpt = document.createElement("p");
  excerpt.lang = texts;
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(link, about, excerpt);
  return item;
}

function excerptNodes(html) {
  // parsed in an inert document: nothing in it runs or loads
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  return Array.from(parsed.body.firstChild.childNodes, (node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

async function start() {
  form.hidden = false;
  document.querySelector(".search-without-script").hidden = true;
  input.value = params.get("q") || "";
  for (const radio of form.querySelectorAll("input[name=texts]")) {
    radio.checked = radio.value === texts;
    radio.addEventListener("change", () => reloadWith("texts", radio.value));
  }
  buildScopes();
  form.addEventListener("submit", search);
  input.addEventListener("input", search);
  more.querySelector("button").addEventListener("click", showMore);
  statusLine.textContent = config.words.loading;
  try {
    pagefind = await load();
    if (pagefind) {
      facetsBox.addEventListener("toggle", () => facetsBox.open && openFacets());
      if (facetsWanted()) {
        facetsBox.open = true;
        await openFacets();
      }
    }
    statusLine.textContent = "";
    form.dataset.ready = "true";
    await search();
  } catch (error) {
    statusLine.textContent = config.words.failed;
    throw error;
  }
}

start();
