/** Every field name a rubric may use, so an unknown one can be met with a "did you mean". */
export const RUBRIC_FIELD_NAMES = [
  "id", "version", "title", "description", "existing", "living", "weight", "questions", "order",
  "kind", "prompt", "help", "recommendation", "detail", "effort",
  "choices", "options", "value", "label", "score", "cap", "note", "scores", "yes", "no",
  "min", "max", "labels", "unit", "bands", "from", "to", "multiline",
  "levels", "summary",
];
