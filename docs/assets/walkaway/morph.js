// Put new HTML in place by changing only what differs from what is there: a
// recompute usually moves a few numbers and a bar or two, and swapping the
// whole result (its tables and its chart) would make the browser parse, style
// and lay out all of it again. Nodes are matched by position and kind.

const TEXT = Node.TEXT_NODE;

function sameKind(old, fresh) {
  return old.nodeType === fresh.nodeType && old.nodeName === fresh.nodeName;
}

// Attributes the page sets on a node of the answer itself (a table that
// scrolls takes the focus: tables.js) are named in its data-page-attrs: the
// answer never carries them, and they stay until the page changes them.
function pageSet(node) {
  const names = node.getAttribute("data-page-attrs");
  return names ? new Set([...names.split(" "), "data-page-attrs"]) : null;
}

function patchAttributes(old, fresh) {
  const keep = pageSet(old);
  for (const { name } of [...old.attributes]) {
    if (!fresh.hasAttribute(name) && !keep?.has(name)) old.removeAttribute(name);
  }
  for (const { name, value } of fresh.attributes) {
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
}

function patchChildren(old, fresh) {
  const before = [...old.childNodes];
  const after = [...fresh.childNodes];
  after.forEach((node, i) => {
    const current = before[i];
    if (!current) {
      old.append(node);
    } else if (!sameKind(current, node)) {
      current.replaceWith(node);
    } else if (current.nodeType === TEXT || current.nodeType === Node.COMMENT_NODE) {
      if (current.data !== node.data) current.data = node.data;
    } else {
      patchAttributes(current, node);
      patchChildren(current, node);
    }
  });
  for (const extra of before.slice(after.length)) extra.remove();
}

// Make `target`'s contents the same as `html`, touching only what changed.
export function morph(target, html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  patchChildren(target, template.content);
}
