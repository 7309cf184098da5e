// The search page's script: Pagefind's API over the shards of the search index (one
// bundle a session, in the language of the texts searched), facets as selects, and
// results as links to the question pages. Nothing typed or indexed is inserted as
// HTML: text goes in with textContent, and excerpts keep only their <mark>s.

const config = JSON.parse(document.getElementById("search-config").textContent);
const form = document.querySelector("form.search");
const input = document.getElementById("search-terms");
const facetsBox = form.querySelector(".search-facets");
const statusLine = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more");
const PAGE = 20;

const params = new URLSearchParams(location.search);
const texts = config.bundles[params.get("texts")] ? params.get("texts") : config.texts;
let pagefind = null;
let results = [];
let shown = 0;

function absolute(path) {
  return new URL(path, document.baseURI).pathname;
}

async function load() {
  const bundles = config.bundles[texts];
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
  const newestFirst = ["year", "session", "legislature"].includes(facet);
  return newestFirst ? sorted.reverse() : sorted;
}

function buildFacets(available) {
  for (const [facet, heading] of config.facets) {
    const values = [...(available[facet] || [])];
    if (!values.length) continue;
    const label = document.createElement("label");
    const name = document.createElement("span");
    name.textContent = heading;
    const select = document.createElement("select");
    select.name = facet;
    select.dataset.facet = facet;
    const any = new Option(config.words.any, "");
    select.append(any);
    for (const value of facetOrder(facet, values)) {
      const option = new Option(valueLabel(facet, value), value);
      option.dataset.label = valueLabel(facet, value);
      select.append(option);
    }
    select.value = params.get(facet) || "";
    select.addEventListener("change", search);
    label.append(name, " ", select);
    facetsBox.append(label);
  }
}

function chosenFilters() {
  const filters = {};
  for (const select of facetsBox.querySelectorAll("select")) {
    if (select.value) filters[select.dataset.facet] = select.value;
  }
  return filters;
}

function remember(term, filters) {
  const state = new URLSearchParams();
  if (term) state.set("q", term);
  if (texts !== config.texts) state.set("texts", texts);
  for (const [facet, value] of Object.entries(filters)) state.set(facet, value);
  const query = state.toString();
  history.replaceState(null, "", query ? "?" + query : location.pathname);
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
  const filters = chosenFilters();
  remember(term, filters);
  if (!pagefind) return;
  if (!term && !Object.keys(filters).length) {
    results = [];
    list.replaceChildren();
    statusLine.textContent = "";
    more.hidden = true;
    return;
  }
  const found = await pagefind.debouncedSearch(term || null, { filters }, 200);
  if (found === null) return; // a later search replaced this one
  results = found.results;
  shown = 0;
  list.replaceChildren();
  showCounts(found.filters || {});
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
    radio.addEventListener("change", () => {
      const next = new URLSearchParams(location.search);
      next.set("texts", radio.value);
      location.search = next.toString();
    });
  }
  form.addEventListener("submit", search);
  input.addEventListener("input", search);
  more.querySelector("button").addEventListener("click", showMore);
  statusLine.textContent = config.words.loading;
  try {
    buildFacets(config.values[texts] || {});
    pagefind = await load();
    statusLine.textContent = "";
    form.dataset.ready = "true";
    await search();
  } catch (error) {
    statusLine.textContent = config.words.failed;
    throw error;
  }
}

start();
