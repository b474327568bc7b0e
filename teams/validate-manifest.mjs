// Validates a Teams app manifest (manifest.json, or a package .zip is NOT accepted: extract it first)
// against Microsoft's official JSON schema for the manifest's own `manifestVersion`.
// The schemas ship offline in npm @microsoft/app-manifest under build/json-schemas/teams/v<version>/.
// They declare JSON Schema draft-04, hence ajv-draft-04 (Ajv's draft-04 build) plus ajv-formats.
//
// Usage:   node validate-manifest.mjs path/to/manifest.json
// Exit:    0 valid; 1 invalid (one line per schema error on stderr); 2 usage error, unreadable file,
//          or no schema shipped for that manifestVersion.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail(2, "usage: node validate-manifest.mjs <manifest.json>");

let manifest;
try {
  // Strip a UTF-8 BOM if present: Teams tolerates it, JSON.parse does not.
  manifest = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
} catch (e) {
  fail(2, `cannot read ${file} as JSON: ${e.message}`);
}

const version = manifest && manifest.manifestVersion;
if (typeof version !== "string" || !/^(\d+\.\d+|devPreview)$/.test(version)) {
  fail(1, `invalid: manifestVersion ${JSON.stringify(version)} is not a schema version such as "1.30"`);
}

const pkgRoot = dirname(require.resolve("@microsoft/app-manifest/package.json"));
const folder = version === "devPreview" ? "vDevPreview" : `v${version}`;
const schemaPath = join(pkgRoot, "build", "json-schemas", "teams", folder, "MicrosoftTeams.schema.json");
if (!existsSync(schemaPath)) fail(2, `no schema shipped for manifestVersion ${version} (looked for ${schemaPath})`);

const schema = JSON.parse(readFileSync(schemaPath, "utf8").replace(/^\uFEFF/, ""));
// strict: false because Microsoft's schemas carry annotations Ajv's strict mode does not know;
// validation keywords are still all enforced.
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const errors = [];
if (!validate(manifest)) {
  for (const e of validate.errors) {
    errors.push(`${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
  }
}
// The $schema URL, when present, must name the same version as manifestVersion.
if (typeof manifest.$schema === "string" && !manifest.$schema.includes(`/${folder}/MicrosoftTeams.schema.json`)) {
  errors.push(`/$schema ${manifest.$schema} does not match manifestVersion ${version}`);
}

if (errors.length > 0) {
  for (const line of errors) console.error(`invalid: ${line}`);
  process.exit(1);
}
console.log(`valid: ${file} against Teams manifest schema ${folder} (${schemaPath})`);
