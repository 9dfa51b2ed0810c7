// RunServerPlus debugger page behaviour. Loaded as a file (never inline) so the page's
// Content-Security-Policy can refuse every inline script and event handler.
(function () {
  "use strict";

  // A frame with source opens and closes with its disclosure button, or a click anywhere on its row.
  function setExpanded(frame, open) {
    var disclosure = frame.querySelector(":scope > .frame-head > button.disclosure");
    if (!disclosure) {
      return;
    }
    frame.classList.toggle("expanded", open);
    disclosure.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function wireFrames() {
    document.querySelectorAll(".frame-head > button.disclosure").forEach(function (disclosure) {
      var frame = disclosure.closest("li.frame");
      disclosure.addEventListener("click", function () {
        setExpanded(frame, !frame.classList.contains("expanded"));
      });
      disclosure.parentNode.addEventListener("click", function (event) {
        if (event.target.closest("a, button, form, input") || String(window.getSelection()) !== "") {
          return; // other controls act on their own; a selection is being made, not a click
        }
        setExpanded(frame, !frame.classList.contains("expanded"));
      });
    });
  }

  // The summary's buttons: the trace as Java prints it, or as Markdown for an issue or a chat.
  function wireSummary() {
    var status = document.getElementById("summary-status");
    [["copy-text", "plain-text", "Copied as text."], ["copy-markdown", "markdown-text", "Copied as Markdown."]]
      .forEach(function (each) {
        var control = document.getElementById(each[0]);
        var source = document.getElementById(each[1]);
        if (!control || !source) {
          return;
        }
        control.addEventListener("click", function () {
          status.textContent = "";
          copyText(source.textContent, function () { status.textContent = each[2]; },
            function () { status.textContent = "Copying failed: use the plain text below."; });
        });
      });
  }

  // The source page opened in a tab of its own; closing it shows the traceback it came from.
  function wireBack() {
    var back = document.getElementById("back-to-traceback");
    if (back) {
      back.addEventListener("click", function (event) {
        // The traceback is still open in the tab this one came from: close this tab to get back
        // to it; a tab the browser will not close follows the link to the failure's page instead.
        event.preventDefault();
        window.close();
        window.setTimeout(function () { if (!window.closed) { window.location.href = back.href; } }, 200);
      });
    }
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
      copyText(text.textContent, function () { status.textContent = "Copied."; },
        function () { status.textContent = "Copying failed: show the text, select it and copy it."; });
    });
  }

  // The console's door. The PIN is checked by the server; the page only asks for it, and
  // remembers nothing itself: the HttpOnly cookie the server sets is what remembers success.
  var WRONG_PIN = "Wrong PIN.";
  var LOCKED = "Too many wrong PINs: the console is locked until the server restarts.";
  var READY = "[console ready]";
  var KEYS = " Enter runs, Shift+Enter adds a line, Tab completes, Esc closes, Ctrl+L clears.";
  var HINT = "Variables are the frame's live objects: calling their methods changes the application's objects;"
    + " assigning a variable changes only the console's copy. dump() lists the variables, dump(x) shows x's fields,"
    + " help(x) lists what a snippet may use on x." + KEYS;
  var STANDALONE_HINT = "app is the running application, a live object. dump(x) shows x's fields,"
    + " help(x) lists what a snippet may use on x." + KEYS;
  // A value longer than this (or with more lines) is shown folded, with a control that shows all of it.
  var FOLD_CHARS = 200;
  var FOLD_LINES = 5;
  var MAX_INPUT_ROWS = 12;

  function command(name, options) {
    var init = options || {};
    init.credentials = "same-origin";
    init.headers = Object.assign({ "X-Debugger-Secret": document.body.dataset.secret }, init.headers || {});
    return fetch("/__debugger__/" + name, init);
  }

  function post(name, fields) {
    return command(name, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form(fields)
    });
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

  // The server's answers are HTML it escaped itself; parsed as an inert document, never run.
  function parseFragment(html) {
    return new DOMParser().parseFromString(html, "text/html").body;
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  }

  function button(className, text, label) {
    var made = element("button", className, text);
    made.type = "button";
    if (label) {
      made.setAttribute("aria-label", label);
    }
    return made;
  }

  function copyText(text, done, failed) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { copyBySelection(text, done, failed); });
    } else {
      copyBySelection(text, done, failed);
    }
  }

  function copyBySelection(text, done, failed) {
    var holder = element("textarea", "copy-holder");
    holder.value = text;
    holder.setAttribute("readonly", "");
    document.body.appendChild(holder);
    holder.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (ignored) { copied = false; }
    holder.remove();
    (copied ? done : failed)();
  }

  // A long value shows its first lines; "show all" puts the whole text in place, "Copy" copies it.
  function decorateValues(answer) {
    answer.querySelectorAll("pre.eval-value, pre.eval-output").forEach(function (pre) {
      var full = pre.textContent;
      var box = element("div", "value-box");
      pre.replaceWith(box);
      box.appendChild(pre);
      var controls = element("div", "value-controls");
      var lines = full.split("\n");
      if (full.length > FOLD_CHARS || lines.length > FOLD_LINES) {
        var head = lines.slice(0, FOLD_LINES).join("\n");
        head = head.length > FOLD_CHARS ? head.slice(0, FOLD_CHARS) : head;
        var folded = head + " \u2026";
        var more = button("value-more", "show all (" + full.length + " chars)");
        more.setAttribute("aria-expanded", "false");
        pre.textContent = folded;
        pre.classList.add("folded");
        more.addEventListener("click", function () {
          var open = more.getAttribute("aria-expanded") !== "true";
          pre.textContent = open ? full : folded;
          pre.classList.toggle("folded", !open);
          more.setAttribute("aria-expanded", open ? "true" : "false");
          more.textContent = open ? "show less" : "show all (" + full.length + " chars)";
        });
        controls.appendChild(more);
      }
      if (pre.classList.contains("eval-value")) {
        var copy = button("value-copy", "Copy", "Copy this value");
        copy.addEventListener("click", function () {
          copyText(full, function () { copy.textContent = "Copied"; },
            function () { copy.textContent = "Copy failed: select the text"; });
        });
        controls.appendChild(copy);
      }
      if (controls.firstChild) {
        box.appendChild(controls);
      }
    });
  }

  function wireConsole() {
    var body = document.body;
    if (body.dataset.console !== "on") {
      return;
    }
    var authenticated = body.dataset.pin === "off";
    var dialog = document.getElementById("pin-dialog");
    var afterPin = null;
    var paneCount = 0;

    function appendLine(output, cssClass, text) {
      var line = element("pre", cssClass, text);
      output.appendChild(line);
      return line;
    }

    function frameIdOf(frame) {
      return frame.querySelector("button.console-icon").dataset.frame;
    }

    function buildPane(frame) {
      var frameId = frameIdOf(frame);
      var number = ++paneCount;
      var pane = element("div", "console-pane");
      var bar = element("div", "console-bar");
      bar.appendChild(element("p", "console-hint", body.dataset.standalone === "on" ? STANDALONE_HINT : HINT));
      var clear = button("console-clear", "Clear", "Clear the console (Ctrl+L)");
      bar.appendChild(clear);
      var output = element("div", "console-output");
      output.setAttribute("role", "log");
      appendLine(output, "console-ready", READY);
      var line = element("form", "console-form");
      var prompt = element("span", "console-prompt", ">>> ");
      var input = element("textarea", "console-input");
      input.rows = 1;
      input.setAttribute("autocomplete", "off");
      input.setAttribute("autocapitalize", "off");
      input.setAttribute("spellcheck", "false");
      input.setAttribute("aria-label", "Java code to evaluate in this frame");
      input.setAttribute("aria-autocomplete", "list");
      var list = element("ul", "console-completions");
      list.id = "console-completions-" + number;
      list.setAttribute("role", "listbox");
      list.setAttribute("aria-label", "Completions");
      list.hidden = true;
      input.setAttribute("aria-controls", list.id);
      line.appendChild(prompt);
      line.appendChild(input);
      pane.appendChild(bar);
      pane.appendChild(output);
      pane.appendChild(line);
      pane.appendChild(list);

      var history = [];
      var position = 0;
      var running = false;
      var choices = [];
      var chosen = -1;
      var replaceFrom = 0;

      function resize() {
        input.rows = Math.min(MAX_INPUT_ROWS, Math.max(1, input.value.split("\n").length));
      }

      function clearOutput() {
        while (output.firstChild) {
          output.removeChild(output.firstChild);
        }
      }

      function scrollToEnd() {
        output.scrollTop = output.scrollHeight;
      }

      // --- completion: the server gives the candidates; one is inserted, several are listed ---
      function closeList() {
        list.hidden = true;
        list.textContent = "";
        choices = [];
        chosen = -1;
        input.removeAttribute("aria-activedescendant");
      }

      function insert(candidate) {
        var cursor = input.selectionStart;
        input.value = input.value.slice(0, replaceFrom) + candidate + input.value.slice(cursor);
        var caret = replaceFrom + candidate.length;
        input.setSelectionRange(caret, caret);
        resize();
      }

      function choose(index) {
        chosen = (index + choices.length) % choices.length;
        list.querySelectorAll("li").forEach(function (item, i) {
          item.setAttribute("aria-selected", i === chosen ? "true" : "false");
        });
        input.setAttribute("aria-activedescendant", list.id + "-" + chosen);
        list.children[chosen].scrollIntoView({ block: "nearest" });
      }

      function accept(index) {
        insert(choices[index]);
        closeList();
        input.focus();
      }

      function showList(candidates) {
        list.textContent = "";
        choices = candidates;
        candidates.forEach(function (candidate, i) {
          var item = element("li", "completion", candidate);
          item.id = list.id + "-" + i;
          item.setAttribute("role", "option");
          item.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the input's focus
          item.addEventListener("click", function () { accept(i); });
          list.appendChild(item);
        });
        list.hidden = false;
        choose(0);
      }

      function commonPrefix(words) {
        var prefix = words[0];
        words.forEach(function (word) {
          while (word.indexOf(prefix) !== 0) {
            prefix = prefix.slice(0, -1);
          }
        });
        return prefix;
      }

      function complete() {
        var code = input.value;
        var cursor = input.selectionStart;
        jsonCommand("complete", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: form({ tb: body.dataset.traceback, frame: frameId, code: code, cursor: cursor })
        }).then(function (answer) {
          if (answer.status === 401) {
            authenticated = false;
            askForPin(function () { openConsole(frame); });
            return;
          }
          var candidates = answer.candidates || [];
          if (input.value !== code || candidates.length === 0) {
            return; // typed on meanwhile, or nothing fits
          }
          replaceFrom = answer.anchor;
          if (candidates.length === 1) {
            insert(candidates[0]);
            return;
          }
          var typed = code.slice(replaceFrom, cursor);
          var shared = commonPrefix(candidates);
          if (shared.length > typed.length) {
            insert(shared);
          }
          showList(candidates);
        });
      }

      // --- evaluation: echoed at once; "running…" with Stop until the answer replaces it ---
      function echo(code) {
        return code.split("\n").map(function (text, i) {
          return (i === 0 ? prompt.textContent : "... ") + text;
        }).join("\n");
      }

      function pendingEntry(code) {
        var entry = element("div", "eval pending");
        entry.appendChild(element("pre", "eval-input", echo(code)));
        var status = element("p", "eval-running");
        status.appendChild(element("span", "running-label", "running\u2026 "));
        var stop = button("console-stop", "Stop", "Stop this evaluation");
        // Asked again until the answer comes: a Stop that reaches the server before the evaluation
        // has started finds nothing to stop.
        function requestStop() {
          if (entry.isConnected && entry.classList.contains("pending")) {
            post("stop", { tb: body.dataset.traceback }).then(function () {
              window.setTimeout(requestStop, 300);
            }, function () { /* the evaluation's own answer reports a server that is gone */ });
          }
        }
        stop.addEventListener("click", function () {
          stop.disabled = true;
          stop.textContent = "Stopping\u2026";
          requestStop();
          input.focus();
        });
        status.appendChild(stop);
        entry.appendChild(status);
        return entry;
      }

      function finished(entry) {
        entry.classList.remove("pending");
        running = false;
        input.readOnly = false;
        pane.classList.remove("running");
        if (entry.contains(document.activeElement)) {
          input.focus();
        }
      }

      function evaluate() {
        var code = input.value;
        if (running) {
          return;
        }
        if (code.trim() !== "" && history[history.length - 1] !== code) {
          history.push(code);
        }
        position = history.length;
        input.value = "";
        resize();
        closeList();
        running = true;
        input.readOnly = true;
        pane.classList.add("running");
        var entry = pendingEntry(code);
        output.appendChild(entry);
        scrollToEnd();
        post("eval", { tb: body.dataset.traceback, frame: frameId, code: code }).then(function (response) {
          return response.text().then(function (text) {
            var hadFocus = entry.contains(document.activeElement);
            finished(entry);
            if (response.status === 401) {
              entry.remove();
              authenticated = false;
              input.value = code;
              resize();
              askForPin(function () { openConsole(frame); });
              return;
            }
            if (response.ok) {
              var answer = parseFragment(text).firstElementChild;
              if (answer) {
                answer = document.importNode(answer, true);
                decorateValues(answer);
                entry.replaceWith(answer);
                prompt.textContent = answer.dataset.prompt || ">>> ";
              } else {
                entry.remove();
              }
            } else {
              entry.querySelector(".eval-running").remove();
              appendLine(entry, "eval-error", text.trim() || ("The server answered " + response.status + "."));
            }
            scrollToEnd();
            if (hadFocus || document.activeElement === input || document.activeElement === document.body) {
              input.focus();
            }
          });
        }, function () {
          finished(entry);
          entry.querySelector(".eval-running").remove();
          input.value = code;
          resize();
          appendLine(entry, "eval-error", "The server did not answer; is it still running?");
        });
      }

      function caretOnFirstLine() {
        return input.value.lastIndexOf("\n", input.selectionStart - 1) < 0;
      }

      function caretOnLastLine() {
        return input.value.indexOf("\n", input.selectionEnd) < 0;
      }

      function completable() {
        var before = input.value.slice(0, input.selectionStart);
        return input.selectionStart === input.selectionEnd && /[A-Za-z0-9_$.]$/.test(before);
      }

      input.addEventListener("keydown", function (event) {
        var listOpen = !list.hidden;
        if (event.isComposing) {
          return;
        }
        if (listOpen && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
          event.preventDefault();
          choose(chosen + (event.key === "ArrowDown" ? 1 : -1));
        } else if (listOpen && (event.key === "Enter" || (event.key === "Tab" && !event.shiftKey))) {
          event.preventDefault();
          accept(chosen);
        } else if (listOpen && event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation(); // closes the list, not the pane
          closeList();
        } else if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          evaluate();
        } else if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey && !running
            && completable()) {
          event.preventDefault(); // Tab after a name completes it; elsewhere it moves the focus on
          complete();
        } else if (event.key === "ArrowUp" && position > 0 && caretOnFirstLine() && !running) {
          event.preventDefault();
          position -= 1;
          input.value = history[position];
          resize();
        } else if (event.key === "ArrowDown" && position < history.length && caretOnLastLine() && !running) {
          event.preventDefault();
          position += 1;
          input.value = position < history.length ? history[position] : "";
          resize();
        } else if (listOpen && event.key !== "Shift") {
          closeList();
        }
      });
      input.addEventListener("input", resize);
      input.addEventListener("blur", function () { window.setTimeout(closeList, 150); });
      line.addEventListener("submit", function (event) {
        event.preventDefault();
        evaluate();
      });
      clear.addEventListener("click", function () {
        clearOutput();
        input.focus();
      });
      pane.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          event.preventDefault();
          closeConsole(frame);
        } else if ((event.key === "l" || event.key === "L") && event.ctrlKey && !event.altKey && !event.metaKey) {
          event.preventDefault();
          clearOutput();
        }
      });
      return pane;
    }

    // The pane goes below the frame's source and variables, so the line that failed stays where it is.
    function openConsole(frame) {
      var pane = frame.querySelector(".console-pane");
      if (!pane) {
        pane = buildPane(frame);
        frame.appendChild(pane);
      } else {
        pane.hidden = false;
      }
      setExpanded(frame, true);
      frame.classList.add("console-open");
      frame.querySelector("button.console-icon").setAttribute("aria-expanded", "true");
      var input = pane.querySelector(".console-input");
      input.focus({ preventScroll: true });
      revealKeeping(input, frame.querySelector("tr.line.current"));
    }

    // Scrolls the input into view, but never so far that the failing line leaves the screen.
    function revealKeeping(input, line) {
      var below = input.getBoundingClientRect().bottom + 12 - window.innerHeight;
      if (below <= 0) {
        return;
      }
      var room = line ? line.getBoundingClientRect().top - summaryBottom() - 8 : below;
      var by = Math.min(below, Math.max(0, room));
      if (by > 0) {
        window.scrollBy(0, by);
      }
    }

    function closeConsole(frame) {
      var pane = frame.querySelector(".console-pane");
      if (pane) {
        pane.hidden = true;
      }
      frame.classList.remove("console-open");
      var icon = frame.querySelector("button.console-icon");
      icon.setAttribute("aria-expanded", "false");
      icon.focus({ preventScroll: true });
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
          askForPin(function () { openConsole(frame); });
        }
      });
    }

    function askForPin(then) {
      if (!dialog) {
        return;
      }
      afterPin = then;
      document.getElementById("pin-message").textContent = "";
      document.getElementById("pin-input").value = "";
      if (!dialog.open) {
        dialog.showModal();
      }
      document.getElementById("pin-input").focus();
    }

    // --- the variables table: a value's fields, one level at a time, read by the server on demand ---
    function toggleFields(toggle) {
      var row = toggle.closest("tr");
      var name = toggle.dataset.name;
      var path = toggle.dataset.path;
      var key = path ? name + "." + path : name;
      if (toggle.getAttribute("aria-expanded") === "true") {
        row.parentNode.querySelectorAll("tr.field-row").forEach(function (child) {
          var parent = child.dataset.parent;
          if (parent === key || parent.indexOf(key + ".") === 0) {
            child.remove();
          }
        });
        toggle.setAttribute("aria-expanded", "false");
        return;
      }
      var frame = toggle.closest("li.frame");
      toggle.disabled = true;
      post("expand", { tb: body.dataset.traceback, frame: frame.id.replace("frame-", ""), name: name, path: path })
        .then(function (response) {
          return response.text().then(function (text) {
            toggle.disabled = false;
            if (response.status === 401) {
              authenticated = false;
              askForPin(function () { toggleFields(toggle); });
              return;
            }
            var rows;
            if (response.ok) {
              rows = Array.prototype.slice.call(parseFragment(text).querySelectorAll("tr.field-row"));
            } else {
              var failed = element("tr", "field-row");
              failed.dataset.parent = key;
              var cell = element("td");
              cell.colSpan = 3;
              cell.appendChild(element("pre", "unreadable", text.trim()));
              failed.appendChild(cell);
              rows = [failed];
            }
            var after = row;
            rows.forEach(function (fieldRow) {
              var imported = document.importNode(fieldRow, true);
              after.insertAdjacentElement("afterend", imported);
              after = imported;
            });
            toggle.setAttribute("aria-expanded", "true");
            toggle.focus();
          });
        }, function () {
          toggle.disabled = false;
        });
    }

    document.addEventListener("click", function (event) {
      var toggle = event.target.closest("button.expand-fields");
      if (toggle) {
        toggleFields(toggle);
      }
    });

    document.querySelectorAll("button.console-icon").forEach(function (icon) {
      icon.setAttribute("aria-expanded", "false");
      icon.addEventListener("click", function (event) {
        event.stopPropagation(); // the frame head's own click toggles the source
        var frame = icon.closest(".frame");
        var pane = frame.querySelector(".console-pane");
        if (pane && !pane.hidden) {
          closeConsole(frame);
        } else {
          requestConsole(frame);
        }
      });
      icon.addEventListener("keydown", function (event) { event.stopPropagation(); });
    });
    var standalone = document.getElementById("standalone-console");
    var locked = document.getElementById("console-locked");
    if (dialog) {
      // Cancelled on the standalone page, nothing would be left to click: say it is locked, offer the PIN again.
      dialog.addEventListener("close", function () {
        if (locked) {
          locked.hidden = authenticated;
        }
      });
      if (locked) {
        document.getElementById("console-unlock").addEventListener("click", function () {
          locked.hidden = true;
          requestConsole(standalone);
        });
      }
      wirePinDialog(dialog, function () {
        authenticated = true;
        var then = afterPin;
        afterPin = null;
        if (then) {
          then();
        }
      });
    }
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

  // The summary stays at the top of the window: whatever is scrolled to must land below it.
  function summaryBottom() {
    var summary = document.getElementById("summary");
    return summary ? Math.max(0, summary.getBoundingClientRect().bottom) : 0;
  }

  // The original leaves users at the top of a long page, thinking nothing happened: bring the
  // line they most likely broke into view instead, below the summary that names the exception.
  function scrollToFocus() {
    var body = document.body;
    if (document.getElementById("summary")) {
      // Links to a line or a frame land below the summary too (CSSOM, which the CSP allows).
      document.documentElement.style.scrollPaddingTop = (summaryBottom() + 8) + "px";
    }
    if (body.dataset.focus && body.dataset.focus !== "-1") {
      var frame = document.getElementById("frame-" + body.dataset.focus);
      if (frame) {
        var top = summaryBottom();
        var box = frame.getBoundingClientRect();
        var room = window.innerHeight - top;
        window.scrollTo(0, window.scrollY + box.top - top - Math.max(8, (room - box.height) / 2));
      }
    } else if (body.dataset.line && body.dataset.line !== "0") {
      var line = document.getElementById("L" + body.dataset.line);
      if (line) {
        line.scrollIntoView({ block: "center" });
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireFrames();
    wireSummary();
    wirePlainText();
    wireBack();
    wireConsole();
    scrollToFocus();
  });
})();
