// Compares two GraphQL schemas (SDL files) with graphql-inspector and prints the changes as JSON, one object per
// change: { criticality ("BREAKING", "DANGEROUS", "NON_BREAKING"), type, message, path }.
// Usage: node schema-diff.mjs old.graphql new.graphql
import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { diff } from "@graphql-inspector/core";

const [oldPath, newPath] = process.argv.slice(2);
if (!oldPath || !newPath) {
  console.error("usage: node schema-diff.mjs <old.graphql> <new.graphql>");
  process.exit(2);
}
const load = (path) => buildSchema(readFileSync(path, "utf8"), { assumeValidSDL: false });
const changes = await diff(load(oldPath), load(newPath));
console.log(JSON.stringify(changes.map((c) => ({
  criticality: c.criticality.level, type: c.type, message: c.message, path: c.path ?? null,
}))));
