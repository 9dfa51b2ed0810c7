// --live-reload: refreshes an app's page after the app reloads or a static file changes. The app
// answers /__debugger__/reloads with its process id ("app") and the supervisor's count of static
// file changes ("static"), then the browser asks again after "retry"; while the app is down the
// supervisor answers ("page"). Any answer that differs from the first one refreshes the page, and
// so does an error answer after a first one (a new app without the stream).
(function () {
  'use strict';
  if (typeof EventSource === 'undefined') {
    return;
  }
  var first = null;
  var source = new EventSource('/__debugger__/reloads');
  function refresh() {
    source.close();
    location.reload();
  }
  function seen(event) {
    if (first === null) {
      first = {};
    }
    if (!(event.type in first)) {
      if (event.type === 'page') {
        refresh(); // the supervisor answers: the app is down, show its page
        return;
      }
      first[event.type] = event.data;
    } else if (first[event.type] !== event.data) {
      refresh();
    }
  }
  source.addEventListener('page', seen);
  source.addEventListener('app', seen);
  source.addEventListener('static', seen);
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED && first !== null) {
      location.reload();
    }
  };
})();
