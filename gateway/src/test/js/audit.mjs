// Runs graphql-http's audit suite of the GraphQL-over-HTTP specification against a running server and prints the
// results as JSON, one object per audit: { id, name, status ("ok", "notice", "warn", "error"), reason }.
// Usage: node audit.mjs http://localhost:8080/graphql
import { auditServer } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node audit.mjs <graphql url>");
  process.exit(2);
}
const results = await auditServer({ url });
console.log(JSON.stringify(results.map(({ id, name, status, reason }) => ({ id, name, status, reason: reason ?? null }))));
