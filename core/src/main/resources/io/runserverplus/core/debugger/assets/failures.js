// The failures list (GET /__debugger__/) keeps itself current: it asks the server, by long
// polling, for a failure newer than the newest it shows, then fetches the list again and swaps
// the table in. Same origin only, so the page's Content-Security-Policy allows it.
(function () {
  "use strict";
  var body = document.body;
  var latest = body.dataset.latest || "0";

  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function refresh() {
    return fetch("/__debugger__/", { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var list = fresh.getElementById("failures");
        var old = document.getElementById("failures");
        if (list && old) {
          old.replaceWith(document.importNode(list, true));
        }
        latest = fresh.body.dataset.latest || latest;
        body.dataset.latest = latest;
      });
  }

  function poll() {
    fetch("/__debugger__/events?after=" + encodeURIComponent(latest), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("events answered " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        return String(answer.latest) !== latest ? refresh() : null;
      })
      .then(poll, function () {
        // The server restarted or is gone: try again a little later, without hammering it.
        pause(2000).then(poll);
      });
  }

  poll();
})();
