"use strict";
// Progressive enhancement only: every page works without this script. Moves keyboard focus to the highlighted
// sentence the user followed, so screen readers and keyboard users land where the eye does.
document.addEventListener("DOMContentLoaded", function () {
  var hl = document.getElementById("hl");
  if (hl && location.hash === "#hl") {
    hl.setAttribute("tabindex", "-1");
    hl.focus({ preventScroll: false });
  }
});
