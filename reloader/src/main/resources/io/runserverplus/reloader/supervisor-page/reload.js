// Reloads a page that RunServerPlus's supervisor serves while the app is down (a compile error,
// a crash) once the port answers with something else. The supervisor's event stream names this
// page; it ends when the supervisor hands the port back to the app, and the browser reconnects
// (every 300 ms, the stream's "retry"). A new app without the stream answers with an error
// status, which closes the EventSource: reload. Another page of the supervisor (the next compile
// error) names itself differently: reload too.
(function () {
  'use strict';
  if (typeof EventSource === 'undefined') {
    return;
  }
  var shown = null;
  var source = new EventSource('/__debugger__/reloads');
  source.addEventListener('page', function (event) {
    if (shown === null) {
      shown = event.data;
    } else if (event.data !== shown) {
      source.close();
      location.reload();
    }
  });
  source.addEventListener('app', function () {
    source.close();
    location.reload();
  });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) {
      location.reload();
    }
  };
})();
