// RunServerPlus debugger page behaviour. Loaded as a file (never inline) so the page's
// Content-Security-Policy can refuse every inline script and event handler.
(function () {
  "use strict";

  function toggleFrame(head) {
    var frame = head.closest("li.frame");
    if (frame && frame.querySelector(".source")) {
      frame.classList.toggle("expanded");
    }
  }

  function wireFrames() {
    document.querySelectorAll(".frame-head[role=button]").forEach(function (head) {
      head.addEventListener("click", function (event) {
        if (event.target.closest("a, button")) {
          return; // "view source" and the console icon are controls of their own
        }
        toggleFrame(head);
      });
      head.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          toggleFrame(head);
        }
      });
    });
  }

  function wirePlainText() {
    var toggle = document.getElementById("toggle-plain");
    var copy = document.getElementById("copy-plain");
    var text = document.getElementById("plain-text");
    var status = document.getElementById("copy-status");
    if (!toggle || !text) {
      return;
    }
    toggle.addEventListener("click", function () {
      text.hidden = !text.hidden;
      toggle.textContent = text.hidden ? "Show the plain-text traceback" : "Hide the plain-text traceback";
    });
    copy.addEventListener("click", function () {
      var done = function () { status.textContent = "Copied."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text.textContent).then(done, function () { fallbackCopy(text, done); });
      } else {
        fallbackCopy(text, done);
      }
    });
  }

  function fallbackCopy(text, done) {
    var wasHidden = text.hidden;
    text.hidden = false;
    var range = document.createRange();
    range.selectNodeContents(text);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { document.execCommand("copy"); done(); } catch (ignored) { /* the text stays selected */ }
    text.hidden = wasHidden;
  }

  // The console's door. The PIN is checked by the server; the page only asks for it, and
  // remembers nothing itself: the HttpOnly cookie the server sets is what remembers success.
  var WRONG_PIN = "Wrong PIN.";
  var LOCKED = "Too many wrong PINs: the console is locked until the server restarts.";
  var READY = "[console ready] \u2014 evaluating code in this frame comes with the console feature";

  function command(name, options) {
    var init = options || {};
    init.credentials = "same-origin";
    init.headers = Object.assign({ "X-Debugger-Secret": document.body.dataset.secret }, init.headers || {});
    return fetch("/__debugger__/" + name, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        json.status = response.status;
        return json;
      });
    });
  }

  function openConsole(frame) {
    var pane = frame.querySelector(".console-pane");
    if (!pane) {
      pane = document.createElement("div");
      pane.className = "console-pane";
      var output = document.createElement("pre");
      output.className = "console-output";
      output.textContent = READY;
      pane.appendChild(output);
      frame.querySelector(".frame-head").insertAdjacentElement("afterend", pane);
    } else {
      pane.hidden = false;
    }
    frame.classList.add("console-open");
  }

  function wireConsole() {
    var body = document.body;
    if (body.dataset.console !== "on") {
      return;
    }
    var authenticated = body.dataset.pin === "off";
    var dialog = document.getElementById("pin-dialog");
    var pending = null;
    document.querySelectorAll("button.console-icon").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.stopPropagation(); // the frame head's own click toggles the source
        var frame = button.closest("li.frame");
        if (authenticated) {
          openConsole(frame);
          return;
        }
        command("auth").then(function (answer) {
          if (answer.auth === true) {
            authenticated = true;
            openConsole(frame);
          } else {
            askForPin(frame);
          }
        });
      });
      button.addEventListener("keydown", function (event) { event.stopPropagation(); });
    });
    if (!dialog) {
      return;
    }
    var form = document.getElementById("pin-form");
    var input = document.getElementById("pin-input");
    var message = document.getElementById("pin-message");
    var submit = document.getElementById("pin-submit");

    function askForPin(frame) {
      pending = frame;
      message.textContent = "";
      input.value = "";
      if (!dialog.open) {
        dialog.showModal();
      }
      input.focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit.disabled = true;
      command("pinauth", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "pin=" + encodeURIComponent(input.value)
      }).then(function (answer) {
        submit.disabled = false;
        if (answer.auth === true) {
          authenticated = true;
          dialog.close();
          if (pending) {
            openConsole(pending);
          }
        } else if (answer.exhausted === true) {
          message.textContent = LOCKED;
          submit.disabled = true;
        } else {
          message.textContent = WRONG_PIN;
          input.select();
        }
      }, function () {
        submit.disabled = false;
        message.textContent = "The server did not answer; is it still running?";
      });
    });
    document.getElementById("pin-cancel").addEventListener("click", function () { dialog.close(); });
    document.getElementById("pin-print").addEventListener("click", function () {
      command("printpin", { method: "POST" }).then(function () {
        message.textContent = "The PIN was printed on the terminal again.";
      });
    });
  }

  // The original leaves users at the top of a long page, thinking nothing happened: bring the
  // line they most likely broke into view instead.
  function scrollToFocus() {
    var body = document.body;
    var target = null;
    if (body.dataset.focus && body.dataset.focus !== "-1") {
      target = document.getElementById("frame-" + body.dataset.focus);
    } else if (body.dataset.line && body.dataset.line !== "0") {
      target = document.getElementById("L" + body.dataset.line);
    }
    if (target) {
      target.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireFrames();
    wirePlainText();
    wireConsole();
    scrollToFocus();
  });
})();
