// Your plan beyond its own page: the numbers a reader entered once, used
// everywhere else. Another calculator with nothing of its own starts from the
// plan's saved inputs, field by field where the names match; an offer of the
// total compensation comparison can be sent to the plan; the scripts page shows
// the plan's scripts, filled in. Every number and sentence is the engine's
// (the plan's saved inputs and its last saved result); this module only moves
// them from one place on the page to another.

import { decode, keepSavedInputs, PLAN, savedInputs, savedResult } from "./address.js";

// The plan page, from this module's place in the site (assets/walkaway/<build>/).
export const PLAN_PAGE = new URL("../../../plan/", import.meta.url).href;

// The plan's saved inputs, or null when there is none (or it isn't one this page saved).
function planInputs() {
  const text = savedInputs(PLAN);
  if (!text) return null;
  try {
    const inputs = decode(text);
    return inputs !== null && typeof inputs === "object" && !Array.isArray(inputs) ? inputs : null;
  } catch {
    return null;
  }
}

// Put the plan's value in each field of `form` named as one of the plan's fields;
// returns how many took one. A value the field can't hold (a select without that
// option) leaves the field as it was, and so does a value the plan left empty.
export function fillFromPlan(form, name) {
  if (name === PLAN) return 0;
  const plan = planInputs();
  if (!plan) return 0;
  let filled = 0;
  for (const [field, value] of Object.entries(plan)) {
    if (value === "" || value == null || typeof value === "object") continue;
    const element = form.elements.namedItem(field);
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
    if (element.type === "checkbox") {
      element.checked = value === true || value === "on" || value === "true";
    } else {
      const before = element.value;
      element.value = String(value);
      if (element.value !== String(value)) {
        element.value = before;
        continue;
      }
    }
    filled += 1;
  }
  return filled;
}

// ------------------------------------------------------------ an offer to the plan

// Under a result that compares offers (each with its name and its average a
// year), one button per offer that sends it to the plan.
export function offerOffers(calculator, result) {
  calculator.root.querySelector(".wa-to-plan")?.remove();
  const offers = Array.isArray(result?.offers) ? result.offers : [];
  const usable = offers.filter((offer) => typeof offer?.average_annual === "number" && offer.name);
  if (calculator.name === PLAN || !usable.length) return;
  const box = document.createElement("div");
  box.className = "wa-to-plan";
  for (const offer of usable) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.dataset.action = "to-plan";
    button.dataset.offer = String(offer.average_annual);
    button.dataset.offerName = String(offer.name);
    button.textContent = `Use “${offer.name}” in my plan`;
    box.append(button);
  }
  const said = document.createElement("p");
  said.className = "wa-to-plan-said";
  said.setAttribute("role", "status");
  box.append(said);
  calculator.output.after(box);
}

// The button's offer into the plan's saved inputs (the rest of the plan kept).
export function sendToPlan(button) {
  const inputs = { ...(planInputs() ?? {}), offer: button.dataset.offer, offer_from: button.dataset.offerName };
  keepSavedInputs(PLAN, inputs);
  const said = button.closest(".wa-to-plan")?.querySelector(".wa-to-plan-said");
  if (!said) return;
  const link = document.createElement("a");
  link.href = PLAN_PAGE;
  link.textContent = "Open your plan";
  said.replaceChildren(`“${button.dataset.offerName}” is now the offer in your plan, on this device. `, link);
}

// ------------------------------------------------------------ the scripts page

// The code block of the script whose anchor is `anchor`: the first block after
// it, before the next heading.
function blockAfter(anchor) {
  for (let node = anchor.nextElementSibling; node; node = node.nextElementSibling) {
    if (/^H[1-6]$/.test(node.tagName)) return null;
    if (node.matches(".tabbed-set, .highlight")) return node;
  }
  return null;
}

// Each (channel, <code>) of a script's block: a tab's label names its channel; a
// bare block is the script's only channel.
function channels(block, variants) {
  if (block.matches(".highlight")) {
    const code = block.querySelector("pre code");
    return code && variants.length === 1 ? [[variants[0][0], code]] : [];
  }
  const labels = [...block.querySelectorAll(":scope > .tabbed-labels > label")];
  const bodies = [...block.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
  return labels.map((label, i) => [label.textContent.trim(), bodies[i]?.querySelector("pre code")]);
}

function scriptsNotice(content, filled) {
  const notice = document.createElement("p");
  notice.className = "wa-notice wa-from-plan";
  notice.setAttribute("role", "status");
  const link = document.createElement("a");
  link.href = PLAN_PAGE;
  link.textContent = "open your plan";
  const blanks = document.createElement("button");
  blanks.type = "button";
  blanks.className = "md-button";
  blanks.textContent = "Show the blanks instead";
  blanks.addEventListener("click", () => {
    for (const [code, html] of filled) code.innerHTML = html;
    notice.remove();
  });
  notice.append("These scripts are filled in from your plan, saved on this device: to change them, ", link, ". ", blanks);
  const title = content.querySelector("h1");
  if (title) title.after(notice);
  else content.prepend(notice);
}

// On a page that shows the guide's scripts under their anchors, each script's
// text as the plan last filled it in. Returns how many texts were filled.
export function fillScripts() {
  const content = document.querySelector(".md-content__inner");
  const scripts = planInputs() ? savedResult(PLAN)?.scripts : null;
  if (!content || !Array.isArray(scripts) || content.querySelector(".wa-calc, .wa-from-plan")) return 0;
  const filled = [];
  for (const script of scripts) {
    const anchor = typeof script?.id === "string" ? document.getElementById(script.id) : null;
    const block = anchor && content.contains(anchor) ? blockAfter(anchor) : null;
    if (!block || !Array.isArray(script.variants)) continue;
    for (const [channel, code] of channels(block, script.variants)) {
      const text = script.variants.find(([name]) => name === channel)?.[1];
      if (!code || typeof text !== "string") continue;
      filled.push([code, code.innerHTML]);
      code.textContent = text;
      code.closest(".highlight")?.classList.add("wa-filled");
    }
  }
  if (filled.length) scriptsNotice(content, filled);
  return filled.length;
}
