// Put new HTML in place by changing only what differs from what is there: a
// recompute usually moves a few numbers and a bar or two, and swapping the
// whole result (its tables and its chart) would make the browser parse, style
// and lay out all of it again. Nodes are matched by position and kind.

const TEXT = Node.TEXT_NODE;

function sameKind(old, fresh) {
  return old.nodeType === fresh.nodeType && old.nodeName === fresh.nodeName;
}

function patchAttributes(old, fresh) {
  for (const { name } of [...old.attributes]) {
    if (!fresh.hasAttribute(name)) old.removeAttribute(name);
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
