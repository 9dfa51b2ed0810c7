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
        if (event.target.closest("a")) {
          return; // "view source" is a link of its own
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
    scrollToFocus();
  });
})();
