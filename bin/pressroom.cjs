#!/usr/bin/env node
// The `pressroom` command: runs the bundled CLI over the same services the app uses.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'electron', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('pressroom: the app is not built yet; run "npm run build" in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(cli);
