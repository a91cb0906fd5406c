// Runs the site's own search (overrides/assets/search-core.js) under node, for `make search`
// and `make bench`. Reads {"index": {...}, "queries": ["..."], "limit": N, "other": {...}} on stdin
// and writes one result list per query as JSON on stdout: the same ranking the browser computes,
// and, as the browser does, the words this language does not know asked of the other index.
"use strict";
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "overrides", "assets", "search-core.js"));
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const index = new core.Index(job.index);
  const other = job.other ? new core.Index(job.other) : null;
  const out = job.queries.map((q) => index.searchWith(other, q, job.limit || 10));
  process.stdout.write(JSON.stringify(out));
});
