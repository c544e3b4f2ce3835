// The picker widget (fair/widgets/sector_picker.html): choosing a search result adds a chip,
// the × removes one. Served as a file: the CSP forbids inline scripts. Without JavaScript the
// chips are plain checkboxes and the search box takes codes, so nothing here is required.
"use strict";

document.addEventListener("click", (event) => {
  const choice = event.target.closest("[data-picker-choice]");
  if (choice) {
    const picker = document.querySelector(`[data-picker="${choice.dataset.pickerChoice}"]`);
    if (!picker) return;
    const chips = picker.querySelector(".picker__chips");
    const name = picker.dataset.picker;
    if (picker.hasAttribute("data-picker-single")) chips.replaceChildren();
    const taken = [...chips.querySelectorAll("input")].some((i) => i.value === choice.dataset.code);
    if (!taken) {
      const chip = document.createElement("li");
      chip.className = "chip";
      const label = document.createElement("label");
      const box = document.createElement("input");
      Object.assign(box, { type: "checkbox", name, value: choice.dataset.code, checked: true });
      label.append(box, " " + choice.dataset.label + " ");
      const remove = document.createElement("button");
      Object.assign(remove, { type: "button", className: "link-button", textContent: "×" });
      remove.setAttribute("data-picker-remove", "");
      remove.setAttribute("aria-label", choice.dataset.label);
      chip.append(label, remove);
      chips.append(chip);
    }
    const search = picker.querySelector("input[type=search]");
    search.value = "";
    picker.querySelector(".picker__results").replaceChildren();
    search.focus();
    return;
  }
  const remove = event.target.closest("[data-picker-remove]");
  if (remove) remove.closest(".chip").remove();
});
