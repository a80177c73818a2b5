// Parley workspace: the little script there is. A matrix cell shows its history and evidence.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".cell-button");
  if (!button) return;
  const source = document.getElementById(button.dataset.cell);
  const panel = document.getElementById("cell-detail");
  if (!source || !panel) return;
  document.querySelectorAll(".cell-button.active").forEach((b) => b.classList.remove("active"));
  button.classList.add("active");
  panel.replaceChildren(...Array.from(source.cloneNode(true).childNodes));
  panel.scrollIntoView({ block: "nearest", behavior: "smooth" });
});
