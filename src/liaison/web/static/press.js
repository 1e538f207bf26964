// Press review: editing a proposal's field marks it "correct" (what is shown is what is written).
document.addEventListener("input", function (event) {
  var field = event.target.closest(".press-fields");
  if (!field) { return; }
  var correct = field.closest("fieldset.proposal").querySelector("input[type=radio][value=correct]");
  if (correct) { correct.checked = true; }
});
