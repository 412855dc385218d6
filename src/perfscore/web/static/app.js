// perfscore serve: highlight a finding's row, sort and filter the review table, drop files.
"use strict";

function highlight(id) {
  document.querySelectorAll(".highlight").forEach((el) => el.classList.remove("highlight"));
  const target = document.getElementById(id);
  if (target) {
    target.classList.add("highlight");
    target.scrollIntoView({ block: "center" });
  }
}

function cellValue(row, index, kind) {
  const text = row.cells[index] ? row.cells[index].textContent.trim() : "";
  if (kind !== "number") return text;
  const number = parseFloat(text.replace(/[+,]/g, ""));
  return Number.isNaN(number) ? -Infinity : number;
}

function sortBy(table, th) {
  const index = Array.from(th.parentNode.children).indexOf(th);
  const order = th.dataset.order === "asc" ? "desc" : "asc";
  table.querySelectorAll("th[data-sort]").forEach((other) => delete other.dataset.order);
  th.dataset.order = order;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const sign = order === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    const x = cellValue(a, index, th.dataset.sort);
    const y = cellValue(b, index, th.dataset.sort);
    if (typeof x === "number") return sign * (x - y);
    return sign * String(x).localeCompare(String(y), "zh-CN");
  });
  rows.forEach((row) => body.appendChild(row));
}

function filterRows() {
  const department = document.getElementById("filter-department");
  const severity = document.getElementById("filter-severity");
  document.querySelectorAll("#review tbody tr").forEach((row) => {
    const byDepartment = !department.value || row.dataset.department === department.value;
    const bySeverity = !severity.value || row.dataset.severity === severity.value;
    row.classList.toggle("hidden", !(byDepartment && bySeverity));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("a.finding").forEach((link) => {
    link.addEventListener("click", (event) => {
      // The jump to the anchor would put the row at the window's top edge: centre it instead,
      // and keep the address (#row) for the back button and a bookmark.
      event.preventDefault();
      history.pushState(null, "", link.hash);
      highlight(link.dataset.target);
    });
  });
  document.querySelectorAll("table.sortable th[data-sort]").forEach((th) => {
    th.addEventListener("click", () => sortBy(th.closest("table"), th));
  });
  ["filter-department", "filter-severity"].forEach((id) => {
    const select = document.getElementById(id);
    if (select) select.addEventListener("change", filterRows);
  });
  const drop = document.querySelector(".drop");
  const input = document.getElementById("files");
  if (drop && input) {
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      input.files = event.dataTransfer.files;
    });
  }
  if (location.hash) highlight(location.hash.slice(1));
  window.addEventListener("popstate", () => {
    if (location.hash) highlight(location.hash.slice(1));
  });
});
