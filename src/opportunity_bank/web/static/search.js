// The search words already ask for results as they are typed. Leaving the field fires a
// change event too; on the form it would ask once more, and that answer's address update can
// cancel the click on a result that left the field.
document.getElementById("q")?.addEventListener("change", (event) => event.stopPropagation());
