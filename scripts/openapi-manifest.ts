// Writes app/api/v1/openapi.json/routes.ts: every route module of the API with the summary in its
// first comment line. `npm run openapi` after adding a route; a test fails while it is out of date.
import { writeFileSync } from "node:fs";
import { renderRouteManifest } from "@/lib/openapi/manifest";

const target = "app/api/v1/openapi.json/routes.ts";
writeFileSync(target, renderRouteManifest(process.cwd()));
console.log(`Wrote ${target}.`);
