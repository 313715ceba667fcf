// The events map, date slider and timeline. Data comes from the JSON API (the URL in the map
// element's data-api, with the page's filters); every text goes in through textContent, never
// as HTML. Colours come from CSS classes (app.css), one per ACLED event type.
(function () {
  "use strict";

  const MAX_EVENTS = 5000;
  const DAY = 86400000;
  const mapElement = document.getElementById("map");
  const statusElement = document.getElementById("map-status");
  if (!mapElement) { return; }
  const typeClasses = JSON.parse(mapElement.dataset.types || "{}");

  function say(text) { if (statusElement) { statusElement.textContent = text; } }

  function typeClass(eventType) { return typeClasses[eventType] || "type-other"; }

  // Events and incidents share one shape on the map: a name, place, dates, toll and page.
  function normalise(item) {
    const incident = mapElement.dataset.kind === "incidents";
    return {
      name: item.sub_event_type || item.event_type ||
        (item.plover ? item.plover.event : (incident ? "incident" : "event")),
      event_type: item.event_type,
      location: incident ? item.place : item.location,
      date: incident ? item.when : item.date,
      fatalities: item.fatalities,
      certainty: item.certainty,
      url: incident ? "/incidents/" + encodeURIComponent(item.id)
        : "/events/" + encodeURIComponent(item.content_hash) + "/" + encodeURIComponent(item.id),
      reports: incident ? item.events.length : null,
    };
  }

  function dayNumber(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY); }

  function isoDay(number) { return new Date(number * DAY).toISOString().slice(0, 10); }

  function fatalitiesText(f) {
    if (!f || f.best === null) { return "not reported"; }
    if (f.low === f.best && f.high === f.best) { return String(f.best); }
    return f.best + " (" + (f.low === null ? "?" : f.low) + "–" +
      (f.high === null ? "more" : f.high) + ")";
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function placeName(place) {
    return place.name + (place.admin1 ? ", " + place.admin1 : "") +
      (place.country ? " (" + place.country + ")" : "");
  }

  function popupContent(group) {
    const box = element("div", undefined, "event-popup");
    const count = group.events.length;
    const noun = mapElement.dataset.kind === "incidents" ? " incident" : " event";
    box.appendChild(element("h2", placeName(group.place) + ": " + count + noun +
      (count === 1 ? "" : "s")));
    const list = element("ul");
    for (const event of group.events) {
      const item = element("li");
      const link = element("a", event.name, "event-link");
      link.href = event.url;
      item.appendChild(link);
      item.appendChild(document.createTextNode(
        " · " + (event.date && event.date.start ? event.date.start : "undated") +
        " · fatalities " + fatalitiesText(event.fatalities) + " · " + event.certainty +
        (event.reports === null ? "" : " · " + event.reports + " reports")));
      list.appendChild(item);
    }
    box.appendChild(list);
    return box;
  }

  // The most frequent event type at a place (the first listed on a tie) gives its colour.
  function dominantType(events) {
    const counts = new Map();
    for (const event of events) {
      counts.set(event.event_type, (counts.get(event.event_type) || 0) + 1);
    }
    let best = null;
    let most = 0;
    for (const [type, n] of counts) { if (n > most) { best = type; most = n; } }
    return best;
  }

  // Reports of one strike repeat its toll, so a place is sized by its largest figure, not a sum.
  function radius(events) {
    let best = 0;
    for (const event of events) {
      if (event.fatalities && event.fatalities.best) { best = Math.max(best, event.fatalities.best); }
    }
    return 6 + 3 * Math.sqrt(best);
  }

  async function fetchEvents(url) {
    const events = [];
    let next = url;
    while (next && events.length < MAX_EVENTS) {
      const response = await fetch(next, { headers: { Accept: "application/json" } });
      if (!response.ok) { throw new Error("the API answered " + response.status); }
      const page = await response.json();
      events.push(...page.items);
      next = page.next;
    }
    return { events: events, more: Boolean(next) };
  }

  function addBasemap(map) {
    const url = mapElement.dataset.basemap;
    if (!url || !window.topojson) { return Promise.resolve(); }
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 250;
    return fetch(url).then(function (r) { return r.json(); }).then(function (topology) {
      const countries = window.topojson.feature(topology, topology.objects.countries);
      L.geoJSON(countries, { pane: "basemap", interactive: false,
        style: function () { return { className: "country" }; } }).addTo(map);
    }).catch(function () { say("The basemap could not be loaded; events are still shown."); });
  }

  // One circle per place (events at the same coordinates share it), larger ones drawn first
  // so that a smaller circle is never hidden under a larger one.
  function drawMarkers(layer, events) {
    layer.clearLayers();
    const groups = new Map();
    for (const event of events) {
      const place = event.location;
      if (!place || place.lat === null || place.lon === null) { continue; }
      const key = place.lat + "," + place.lon;
      if (!groups.has(key)) { groups.set(key, { place: place, events: [] }); }
      groups.get(key).events.push(event);
    }
    const ordered = [...groups.values()].sort(function (a, b) {
      return radius(b.events) - radius(a.events);
    });
    for (const group of ordered) {
      const marker = L.circleMarker([group.place.lat, group.place.lon], {
        radius: radius(group.events), weight: 1,
        className: "event-marker " + typeClass(dominantType(group.events)),
      });
      marker.bindPopup(popupContent(group));
      marker.addTo(layer);
      const path = marker.getElement();
      if (path) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", group.events.length +
          (mapElement.dataset.kind === "incidents" ? " incident" : " event") +
          (group.events.length === 1 ? "" : "s") + " at " + placeName(group.place));
        path.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); marker.openPopup(); }
        });
      }
    }
    return groups.size;
  }

  // onPick(day) is called when a day's bar is clicked (the slider moves there).
  function drawTimeline(events, first, last, selected, onPick) {
    const svg = document.getElementById("timeline");
    if (!svg) { return; }
    const ns = "http://www.w3.org/2000/svg";
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    const days = last - first + 1;
    const counts = new Map();
    for (const event of events) {
      if (!event.date || !event.date.start) { continue; }
      const day = dayNumber(event.date.start);
      const key = day + "|" + typeClass(event.event_type);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const totals = new Map();
    for (const [key, n] of counts) {
      const day = Number(key.split("|")[0]);
      totals.set(day, (totals.get(day) || 0) + n);
    }
    const peak = Math.max(1, ...totals.values());
    svg.setAttribute("viewBox", "0 0 " + days + " " + peak);
    const stacked = new Map();
    for (const [key, n] of [...counts].sort()) {
      const [dayText, css] = key.split("|");
      const day = Number(dayText);
      const below = stacked.get(day) || 0;
      const rect = document.createElementNS(ns, "rect");
      rect.setAttribute("x", String(day - first + 0.1));
      rect.setAttribute("width", "0.8");
      rect.setAttribute("y", String(peak - below - n));
      rect.setAttribute("height", String(n));
      rect.setAttribute("class", css);
      const title = document.createElementNS(ns, "title");
      title.textContent = isoDay(day) + ": " + n + " event" + (n === 1 ? "" : "s");
      rect.appendChild(title);
      rect.addEventListener("click", function () { onPick(day); });
      svg.appendChild(rect);
      stacked.set(day, below + n);
    }
    if (selected !== null && selected < last) {
      const cursor = document.createElementNS(ns, "rect");
      cursor.setAttribute("x", String(selected - first + 1));
      cursor.setAttribute("width", String(last - selected));
      cursor.setAttribute("y", "0");
      cursor.setAttribute("height", String(peak));
      cursor.setAttribute("class", "cursor");
      svg.appendChild(cursor);
    }
  }

  function setUpSlider(layer, events) {
    const slider = document.getElementById("date-slider");
    const shown = document.getElementById("date-shown");
    const days = events.filter(function (e) { return e.date && e.date.start; })
      .map(function (e) { return dayNumber(e.date.start); });
    if (!slider || days.length === 0) { return; }
    const first = Math.min(...days);
    const last = Math.max(...days);
    slider.min = "0";
    slider.max = String(last - first);
    slider.value = slider.max;
    slider.disabled = last === first;
    function update() {
      const upTo = first + Number(slider.value);
      const showAll = upTo >= last;
      const visible = events.filter(function (e) {
        return e.date && e.date.start ? dayNumber(e.date.start) <= upTo : showAll;
      });
      drawMarkers(layer, visible);
      shown.textContent = (showAll ? "all dates (to " + isoDay(last) + ")" : isoDay(upTo)) +
        ": " + visible.length + " " + mapElement.dataset.kind;
      slider.setAttribute("aria-valuetext", isoDay(upTo));
      drawTimeline(events, first, last, upTo, pick);
    }
    function pick(day) {
      slider.value = String(day - first);
      update();
    }
    const range = document.getElementById("timeline-range");
    if (range) { range.textContent = isoDay(first) + " to " + isoDay(last); }
    slider.addEventListener("input", update);
    update();
  }

  // A button that reloads the page with the map's current bounds as the bbox filter.
  function offerViewFilter(map) {
    const button = document.getElementById("to-view");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      const b = map.getBounds();
      const clamp = function (v, limit) { return Math.max(-limit, Math.min(limit, v)).toFixed(4); };
      const params = new URLSearchParams(window.location.search);
      params.set("bbox", [clamp(b.getWest(), 180), clamp(b.getSouth(), 90),
        clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(","));
      params.delete("offset");
      window.location.search = params.toString();
    });
  }

  async function start() {
    if (!window.L) {
      say("The map library is missing (run scripts/build_assets.sh); the table lists the events.");
      return;
    }
    mapElement.textContent = "";
    const map = L.map(mapElement, { worldCopyJump: true, minZoom: 1, maxZoom: 12 });
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth");
    map.setView([25, 20], 2);
    const basemap = addBasemap(map);
    say("Loading events…");
    let loaded;
    try {
      loaded = await fetchEvents(mapElement.dataset.api);
    } catch (error) {
      say("The events could not be loaded: " + error.message);
      return;
    }
    loaded.events = loaded.events.map(normalise);
    const layer = L.featureGroup().addTo(map);
    const places = drawMarkers(layer, loaded.events);
    if (places > 0) {
      map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 10, animate: false });
    }
    setUpSlider(layer, loaded.events);
    say(loaded.events.length + " " + mapElement.dataset.kind + " loaded, at " + places +
      " places on the map" +
      (loaded.more ? " (the first " + MAX_EVENTS + "; filter to see the rest)" : "") + ".");
    offerViewFilter(map);
    await basemap;
    mapElement.dataset.ready = "true";
  }

  start();
})();
