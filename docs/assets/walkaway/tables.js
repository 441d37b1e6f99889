// Wide tables (the guide's and the results') scroll sideways inside Material's
// wrapper. A wrapper that scrolls must take the keyboard focus, or it can only
// be scrolled with a mouse or a finger; one that fits stays out of the way.

// What the page sets on a wrapper that scrolls. A recompute (morph.js) leaves
// the attributes named in data-page-attrs alone: a focused table keeps the focus.
const SET = ["tabindex", "role", "aria-label"];

export function letTablesScroll(container = document) {
  for (const wrapper of container.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrapper.scrollWidth > wrapper.clientWidth) {
      if (wrapper.hasAttribute("tabindex")) continue;
      const caption = wrapper.querySelector("caption")?.textContent.trim();
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", `${caption || "Table"} (scrolls sideways)`);
      wrapper.setAttribute("data-page-attrs", SET.join(" "));
    } else if (wrapper.hasAttribute("tabindex")) {
      for (const name of [...SET, "data-page-attrs"]) wrapper.removeAttribute(name);
    }
  }
}

// Whether a table fits changes with the window: look again after each resize.
export function followResizes() {
  let resizing = 0;
  addEventListener("resize", () => {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(() => letTablesScroll());
  });
}
