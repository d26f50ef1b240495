/* The page's script: draws TimelineJS from /api/timeline and keeps the filters in the URL.
   Without it the page still works: the form is a plain GET form and the list is rendered by the server. */
(function () {
  "use strict";

  var shown = 0; // the latest view asked for: answers to older ones are dropped
  // This script runs before TimelineJS's (both deferred, in that order), and the document is parsed by then:
  // TimelineJS is there once the document says every deferred script has run.
  var scripts = new Promise(function (resolve) {
    if (window.TL) {
      resolve();
    } else {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    }
  });

  function form() { return document.getElementById("filters"); }

  // The filters without empty values: a plain GET form sends every field, and the API refuses an empty actor.
  function cleaned(pairs) {
    var params = new URLSearchParams();
    pairs.forEach(function (value, name) {
      value = String(value).trim();
      if (value) { params.append(name, value); }
    });
    return params;
  }

  function filtersOf(formElement) { return cleaned(new FormData(formElement)); }

  function pageUrl(params) {
    var query = params.toString();
    return form().action.split("?")[0] + (query ? "?" + query : "");
  }

  // The timeline shown, with what it hooked onto the page.
  var drawn = null;

  // TimelineJS 3.9.11 has no way to take a timeline down, nor to give one new events but one by one. While it
  // builds a timeline it listens on the document (arrow keys) and the window (resize), and watches its container
  // with an IntersectionObserver, through functions it keeps nowhere. Left in place, they would keep every
  // timeline drawn before alive, with its elements and events, redrawn on every resize and moved on every key.
  // So what it hooks on while building (from its constructor until it says it is ready) is noted, and undone
  // when the next view replaces it.
  function build(holder, doc, options) {
    var hooked = { listeners: [], observers: [] };
    var Observer = window.IntersectionObserver;
    [window, document].forEach(function (target) {
      target.addEventListener = function () {
        hooked.listeners.push([target].concat(Array.prototype.slice.call(arguments)));
        return EventTarget.prototype.addEventListener.apply(target, arguments);
      };
    });
    window.IntersectionObserver = function (callback, init) {
      var observer = new Observer(callback, init);
      hooked.observers.push(observer);
      return observer;
    };
    function restore() {
      delete window.addEventListener;
      delete document.addEventListener;
      window.IntersectionObserver = Observer;
    }
    try {
      hooked.timeline = new TL.Timeline(holder, doc, options);
      hooked.timeline.on("ready", restore);
    } finally {
      // It reads its events in promise callbacks, all run before the next task: one that never gets ready (it
      // shows why in place) is not watched past them.
      setTimeout(restore, 0);
    }
    return hooked;
  }

  function takeDown() {
    if (!drawn) { return; }
    drawn.listeners.forEach(function (added) {
      added[0].removeEventListener(added[1], added[2], added[3]);
    });
    drawn.observers.forEach(function (observer) { observer.disconnect(); });
    drawn = null;
  }

  function draw(doc) {
    var section = document.getElementById("timeline-section");
    var holder = document.getElementById("timeline");
    takeDown();
    if (!doc || !doc.events || !doc.events.length) { section.hidden = true; return; }
    section.hidden = false;
    // font and theme null: TimelineJS would otherwise fetch a font stylesheet that loads web fonts from a font
    // service; "en" is built in, so no locale file is fetched either.
    drawn = build(holder, doc, {
      script_path: new URL(holder.dataset.scriptPath, document.baseURI).href,
      font: null, theme: null, language: "en", hash_bookmark: false, ga_measurement_id: null,
    });
  }

  // Asked for as the page's head preloads it (no headers of its own), so that the browser hands over the answer
  // it has, or is getting, instead of asking again.
  function fetchTimeline(url) {
    return fetch(url).then(function (response) { return response.ok ? response.json() : null; });
  }

  function timelineOf(params) {
    var api = new URLSearchParams(params);
    api.set("format", "timelinejs");
    return fetchTimeline(document.getElementById("timeline").dataset.api + "?" + api.toString());
  }

  function show(params, withForm) {
    var ticket = ++shown;
    var results = document.getElementById("results");
    results.setAttribute("aria-busy", "true");
    return Promise.all([
      fetch(pageUrl(params), { headers: { Accept: "text/html" } }).then(function (response) { return response.text(); }),
      timelineOf(params),
      scripts,
    ]).then(function (answers) {
      if (ticket !== shown) { return; }
      var fetched = new DOMParser().parseFromString(answers[0], "text/html");
      takeDown();
      results.replaceWith(fetched.getElementById("results"));
      // The list was swapped under a screen reader's cursor: say what it holds now.
      var heading = document.querySelector("#results .errors h2, #events-heading");
      document.getElementById("announce").textContent = heading ? heading.textContent : "";
      if (withForm) {
        form().replaceWith(fetched.getElementById("filters"));
        keepKeys(form());
      }
      draw(answers[1]);
    }).catch(function (error) {
      if (ticket !== shown) { return; }
      // Whatever failed, the plain form still works: fall back to loading the page itself.
      console.warn("could not update the view in place:", error);
      window.location.assign(pageUrl(params));
    });
  }

  function apply() {
    var params = filtersOf(form());
    // Enter in a changed field fires both change and submit: one view, one history entry.
    if (pageUrl(params) === window.location.href) { return; }
    history.pushState(null, "", pageUrl(params));
    show(params, false);
  }

  document.addEventListener("change", function (event) {
    if (event.target.form && event.target.form.id === "filters") { apply(); }
  });
  document.addEventListener("submit", function (event) {
    if (event.target.id === "filters") { event.preventDefault(); apply(); }
  });
  // TimelineJS moves between slides on arrow keys anywhere in the document: not while typing in a filter.
  function keepKeys(formElement) {
    formElement.addEventListener("keydown", function (event) { event.stopPropagation(); });
  }
  keepKeys(form());
  window.addEventListener("popstate", function () {
    show(cleaned(new URLSearchParams(window.location.search)), true);
  });

  // The server names the export only when the filters are readable and select events; the page's head has
  // asked for it already. It is drawn once TimelineJS is there.
  var first = document.getElementById("timeline").dataset.first;
  if (first) {
    Promise.all([fetchTimeline(first), scripts]).then(function (answers) {
      if (shown === 0) { draw(answers[0]); }
    });
  }
}());
