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
        if (event.target !== head) {
          return; // Enter on "view source" submits its form
        }
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
  var READY = "[console ready]";
  var HINT = "Variables are the frame's live objects: calling their methods changes the application's objects;"
    + " assigning a variable changes only the console's copy. dump() lists the variables, help(x) describes x.";

  function command(name, options) {
    var init = options || {};
    init.credentials = "same-origin";
    init.headers = Object.assign({ "X-Debugger-Secret": document.body.dataset.secret }, init.headers || {});
    return fetch("/__debugger__/" + name, init);
  }

  function jsonCommand(name, options) {
    return command(name, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        json.status = response.status;
        return json;
      });
    });
  }

  function form(fields) {
    return Object.keys(fields).map(function (key) {
      return encodeURIComponent(key) + "=" + encodeURIComponent(fields[key]);
    }).join("&");
  }

  function wireConsole() {
    var body = document.body;
    if (body.dataset.console !== "on") {
      return;
    }
    var authenticated = body.dataset.pin === "off";
    var dialog = document.getElementById("pin-dialog");
    var pending = null;

    // The server's answer is HTML it escaped itself; parsed as an inert document, never run.
    function appendAnswer(output, html) {
      var answer = new DOMParser().parseFromString(html, "text/html").body.firstElementChild;
      if (answer) {
        output.appendChild(document.importNode(answer, true));
      }
      return answer;
    }

    function appendLine(output, cssClass, text) {
      var line = document.createElement("pre");
      line.className = cssClass;
      line.textContent = text;
      output.appendChild(line);
    }

    function buildPane(frame) {
      var frameId = frame.querySelector("button.console-icon").dataset.frame;
      var pane = document.createElement("div");
      pane.className = "console-pane";
      var hint = document.createElement("p");
      hint.className = "console-hint";
      hint.textContent = HINT;
      var output = document.createElement("div");
      output.className = "console-output";
      output.setAttribute("role", "log");
      appendLine(output, "console-ready", READY);
      var line = document.createElement("form");
      line.className = "console-form";
      var prompt = document.createElement("span");
      prompt.className = "console-prompt";
      prompt.textContent = ">>> ";
      var input = document.createElement("input");
      input.className = "console-input";
      input.setAttribute("autocomplete", "off");
      input.setAttribute("spellcheck", "false");
      input.setAttribute("aria-label", "Java code to evaluate in this frame");
      line.appendChild(prompt);
      line.appendChild(input);
      pane.appendChild(hint);
      pane.appendChild(output);
      pane.appendChild(line);

      var history = [];
      var position = 0;
      input.addEventListener("keydown", function (event) {
        event.stopPropagation(); // keys typed here are not the frame head's
        if (event.key === "ArrowUp" && position > 0) {
          event.preventDefault();
          position -= 1;
          input.value = history[position];
        } else if (event.key === "ArrowDown" && position < history.length) {
          event.preventDefault();
          position += 1;
          input.value = position < history.length ? history[position] : "";
        }
      });
      line.addEventListener("submit", function (event) {
        event.preventDefault();
        var code = input.value;
        if (code.trim() !== "" && history[history.length - 1] !== code) {
          history.push(code);
        }
        position = history.length;
        input.value = "";
        input.disabled = true;
        command("eval", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: form({ tb: body.dataset.traceback, frame: frameId, code: code })
        }).then(function (response) {
          return response.text().then(function (text) {
            input.disabled = false;
            if (response.status === 401) {
              authenticated = false;
              input.value = code;
              askForPin(frame);
              return;
            }
            if (response.ok) {
              var answer = appendAnswer(output, text);
              prompt.textContent = answer && answer.dataset.prompt ? answer.dataset.prompt : ">>> ";
            } else {
              appendLine(output, "eval-error", text.trim() || ("The server answered " + response.status + "."));
            }
            output.scrollTop = output.scrollHeight;
            input.focus();
          });
        }, function () {
          input.disabled = false;
          input.value = code;
          appendLine(output, "eval-error", "The server did not answer; is it still running?");
        });
      });
      return pane;
    }

    function openConsole(frame) {
      var pane = frame.querySelector(".console-pane");
      if (!pane) {
        pane = buildPane(frame);
        frame.querySelector(".frame-head").insertAdjacentElement("afterend", pane);
      } else {
        pane.hidden = false;
      }
      frame.classList.add("console-open");
      pane.querySelector(".console-input").focus();
    }

    function requestConsole(frame) {
      if (authenticated) {
        openConsole(frame);
        return;
      }
      jsonCommand("auth").then(function (answer) {
        if (answer.auth === true) {
          authenticated = true;
          openConsole(frame);
        } else {
          askForPin(frame);
        }
      });
    }

    function askForPin(frame) {
      if (!dialog) {
        return;
      }
      pending = frame;
      document.getElementById("pin-message").textContent = "";
      document.getElementById("pin-input").value = "";
      if (!dialog.open) {
        dialog.showModal();
      }
      document.getElementById("pin-input").focus();
    }

    document.querySelectorAll("button.console-icon").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.stopPropagation(); // the frame head's own click toggles the source
        requestConsole(button.closest(".frame"));
      });
      button.addEventListener("keydown", function (event) { event.stopPropagation(); });
    });
    if (dialog) {
      wirePinDialog(dialog, function () {
        authenticated = true;
        if (pending) {
          openConsole(pending);
        }
      });
    }
    var standalone = document.getElementById("standalone-console");
    if (standalone) {
      requestConsole(standalone);
    }
  }

  function wirePinDialog(dialog, onSuccess) {
    var pinForm = document.getElementById("pin-form");
    var input = document.getElementById("pin-input");
    var message = document.getElementById("pin-message");
    var submit = document.getElementById("pin-submit");
    pinForm.addEventListener("submit", function (event) {
      event.preventDefault();
      submit.disabled = true;
      jsonCommand("pinauth", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form({ pin: input.value })
      }).then(function (answer) {
        submit.disabled = false;
        if (answer.auth === true) {
          dialog.close();
          onSuccess();
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
