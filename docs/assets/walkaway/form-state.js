// A calculator's form as plain data: its fields read into nested inputs by
// their names (`offers[1].base`) and written back, and the items of a
// repeated group added, removed and renumbered from the group's <template>.

const INDEX = /^\d+$/;

function keysOf(path) {
  return path.match(/[^.[\]]+/g) ?? [];
}

function setPath(target, path, value) {
  const keys = keysOf(path);
  let node = target;
  keys.forEach((key, i) => {
    const slot = INDEX.test(key) ? Number(key) : key;
    if (i === keys.length - 1) {
      node[slot] = value;
    } else {
      node[slot] ??= INDEX.test(keys[i + 1]) ? [] : {};
      node = node[slot];
    }
  });
}

function getPath(source, path) {
  return keysOf(path).reduce((node, key) => (node == null ? undefined : node[key]), source);
}

// A field that applies only while another field of the same object holds a
// given value (data-when="equity_type=options": the page shows it only then)
// is left out while it doesn't, so what a reader can't see is never sent.
function applies(form, element) {
  const when = element.closest("[data-when]")?.dataset.when;
  if (!when) return true;
  const [field, value] = when.split("=");
  const prefix = element.name.slice(0, element.name.lastIndexOf(".") + 1);
  return form.elements.namedItem(prefix + field)?.value === value;
}

export function readForm(form) {
  const inputs = {};
  for (const element of form.elements) {
    if (!element.name || !applies(form, element)) continue;
    setPath(inputs, element.name, element.type === "checkbox" ? element.checked : element.value);
  }
  return inputs;
}

// Nested inputs as [path, value] pairs, paths named as the form's fields are.
function flatten(value, path = "", out = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, out);
  } else {
    out.push([path, value]);
  }
  return out;
}

// Whether the form now holds exactly what `inputs` asked for: every value names
// one of its fields and has that field's kind (yes/no for a checkbox, text or a
// plain number for a box). Inputs that don't fit were not made by this page.
export function fitsForm(form, inputs) {
  const shown = new Map(flatten(readForm(form)));
  return flatten(inputs).every(([path, value]) => {
    if (!shown.has(path)) return false;
    const field = shown.get(path);
    if (typeof value === "boolean") return field === value;
    if (typeof value === "number") return Number.isFinite(value) && field === String(value);
    return typeof value === "string" && field === value;
  });
}

export function writeForm(form, inputs) {
  for (const group of form.querySelectorAll(".wa-group")) {
    const items = getPath(inputs, group.dataset.group);
    if (!Array.isArray(items)) continue;
    const wanted = Math.min(Math.max(items.length, Number(group.dataset.min)), Number(group.dataset.max));
    while (group.querySelectorAll(".wa-item").length > wanted) group.querySelector(".wa-item:last-child").remove();
    while (group.querySelectorAll(".wa-item").length < wanted) addItem(group);
  }
  for (const element of form.elements) {
    if (!element.name) continue;
    const value = getPath(inputs, element.name);
    if (value === undefined) continue;
    if (element.type === "checkbox") element.checked = value === true || value === "on" || value === "true";
    else element.value = value == null ? "" : String(value);
  }
}

// ------------------------------------------------------------ repeated groups

const NUMBERED = ["name", "id", "for", "aria-describedby", "list", "data-field"];

// Each item's fields named for its place (offers[2].base), its number shown,
// and the add and remove buttons enabled within the group's limits.
function renumber(group) {
  const name = group.dataset.group;
  group.querySelectorAll(".wa-item").forEach((item, index) => {
    const old = item.dataset.index;
    if (old === String(index)) return;
    item.dataset.index = String(index);
    const swap = (value) =>
      value
        .replaceAll(`${name}[${old}]`, `${name}[${index}]`)
        .replaceAll(`-${name}-${old}-`, `-${name}-${index}-`);
    for (const element of item.querySelectorAll(NUMBERED.map((attribute) => `[${attribute}]`).join(","))) {
      for (const attribute of NUMBERED) {
        if (element.hasAttribute(attribute)) element.setAttribute(attribute, swap(element.getAttribute(attribute)));
      }
    }
    for (const number of item.querySelectorAll(".wa-item-number")) number.textContent = String(index + 1);
  });
  const count = group.querySelectorAll(".wa-item").length;
  group.querySelector(".wa-add").disabled = count >= Number(group.dataset.max);
  for (const button of group.querySelectorAll(".wa-remove")) button.disabled = count <= Number(group.dataset.min);
}

export function renumberAll(form) {
  for (const group of form.querySelectorAll(".wa-group")) renumber(group);
}

// A new item at the end of the group, from its template; returns the item.
export function addItem(group) {
  const items = group.querySelector(".wa-items");
  const index = items.querySelectorAll(".wa-item").length;
  const html = group
    .querySelector("template.wa-template")
    .innerHTML.replaceAll("__INDEX__", String(index))
    .replaceAll("__NUMBER__", String(index + 1));
  items.insertAdjacentHTML("beforeend", html);
  renumber(group);
  return items.lastElementChild;
}

// Remove an item and renumber the rest; returns its group.
export function removeItem(item) {
  const group = item.closest(".wa-group");
  item.remove();
  renumber(group);
  return group;
}
