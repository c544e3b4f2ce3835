// Amity's own behaviour. Served as a file (no inline scripts: the CSP forbids them).
"use strict";

// Choosing a city from the offline look-up fills the place fields, so organisers never type
// coordinates. The buttons come from cities/partials/world_city_results.html.
document.addEventListener("click", (event) => {
  const choice = event.target.closest("[data-world-city]");
  if (!choice) return;
  const fill = (name, value) => {
    const input = document.getElementById("id_place-" + name);
    if (input) input.value = value;
  };
  fill("name_en", choice.dataset.name);
  // GeoNames' Chinese name is a suggestion: it never overwrites one the organiser typed.
  const nameZh = document.getElementById("id_place-name_zh");
  if (nameZh && !nameZh.value && choice.dataset.nameZh) nameZh.value = choice.dataset.nameZh;
  fill("country", choice.dataset.country);
  fill("latitude", choice.dataset.latitude);
  fill("longitude", choice.dataset.longitude);
  fill("population", choice.dataset.population);
  fill("time_zone", choice.dataset.timeZone);
  fill("geonames_id", choice.dataset.geonamesId);
  const results = document.getElementById("city-results");
  if (results) results.replaceChildren();
  const chosen = document.getElementById("id_place-name_zh");
  if (chosen) chosen.focus();
});

// htmx marks the partner results busy while a filtered list loads, for screen readers.
document.addEventListener("htmx:beforeRequest", (event) => {
  const results = document.getElementById("results");
  if (results && event.detail.target === results) results.setAttribute("aria-busy", "true");
});

// On a phone the filters would push the results below the fold: start with them folded.
// Without JavaScript the panel simply stays open.
const filtersPanel = document.getElementById("filters-panel");
if (filtersPanel && window.matchMedia("(max-width: 52rem)").matches) {
  filtersPanel.open = false;
}

// After htmx pushes a filtered list into the address bar, the language switch and the login
// link must return to that filtered list, not to the page as first loaded.
document.addEventListener("htmx:pushedIntoHistory", () => {
  const here = window.location.pathname + window.location.search;
  document.querySelectorAll(".language-switch input[name=next]").forEach((input) => {
    input.value = here;
  });
  const login = document.querySelector("a.login-link");
  if (login) {
    const url = new URL(login.href);
    url.searchParams.set("next", here);
    login.href = url.toString();
  }
});

// Leave empty filters out of the request, so the pushed address stays short and readable
// (/en/?continent=OC rather than /en/?q=&continent=OC&country=&kind=…).
document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.elt.id !== "filters") return;
  // htmx 2 passes a FormData proxy; copy the entries before deleting from it.
  const parameters = event.detail.parameters;
  for (const [name, value] of Array.from(Object.entries(parameters))) {
    if (value === "") delete parameters[name];
  }
});
