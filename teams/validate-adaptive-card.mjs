// Validates Adaptive Card JSON (the cards StoryBot puts in Teams citations) against the official
// Adaptive Card schema that npm adaptivecards-designer ships in lib/adaptive-card-schema.js (pinned in
// package-lock.json). The schema declares JSON Schema draft-06; Ajv 8 validates it with that meta-schema.
//
// Usage:   node validate-adaptive-card.mjs card.json [card2.json ...]
// Exit:    0 all valid; 1 any invalid (one line per schema error on stderr); 2 usage error or unreadable file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const { adaptiveCardSchema } = require("adaptivecards-designer/lib/adaptive-card-schema.js");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate-adaptive-card.mjs <card.json> [...]");
  process.exit(2);
}

// The schema names itself with draft-04's "id", which Ajv 8 refuses: the same URL moves to "$id", the
// draft-06 spelling, and nothing else changes. strict: false because the schema carries annotations
// (e.g. "version" on definitions) that Ajv's strict mode does not know; validation keywords are all enforced.
const { id, ...rest } = adaptiveCardSchema;
const schema = { $id: id, ...rest };
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
addFormats(ajv);
const validate = ajv.compile(schema);

let invalid = false;
for (const file of files) {
  let card;
  try {
    card = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    console.error(`cannot read ${file} as JSON: ${e.message}`);
    process.exit(2);
  }

  const errors = [];
  if (!validate(card)) {
    for (const e of validate.errors) errors.push(`${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
  }
  if (card && card.type !== "AdaptiveCard") errors.push(`/type is ${JSON.stringify(card.type)}, not "AdaptiveCard"`);
  if (errors.length > 0) {
    invalid = true;
    for (const line of errors) console.error(`invalid: ${file}: ${line}`);
  } else {
    console.log(`valid: ${file} against the Adaptive Card schema of adaptivecards-designer`);
  }
}
process.exit(invalid ? 1 : 0);
