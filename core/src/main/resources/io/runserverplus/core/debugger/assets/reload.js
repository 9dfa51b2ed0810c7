// Reloads a RunServerPlus page once the app behind its port has changed: a page the supervisor
// serves while the app is down (a compile error, a crash), or a debugger page of an app running
// under the supervisor. /__debugger__/reloads names whoever answers: the supervisor's stream
// ("page", held open until it hands the port back) or the app ("app" and its process id, one
// answer, then the browser asks again after "retry"). The browser reconnects by itself while the
// port is closed between two apps; the first answer from someone else reloads the page, and so
// does an error answer after a first event (a new app that does not answer the stream).
(function () {
  'use strict';
  if (typeof EventSource === 'undefined') {
    return;
  }
  var first = null;
  var source = new EventSource('/__debugger__/reloads');
  function seen(event) {
    var who = event.type + ' ' + event.data;
    if (first === null) {
      first = who;
    } else if (who !== first) {
      source.close();
      location.reload();
    }
  }
  source.addEventListener('page', seen);
  source.addEventListener('app', seen);
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED && first !== null) {
      location.reload();
    }
  };
})();
