#!/usr/bin/env node
// The `pressroom` command: runs the bundled CLI over the same services the app uses.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'electron', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('pressroom: the app is not built yet; run "npm run build" in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
// Node 22.1+ keeps compiled code between runs (the CLI and playwright-core are megabytes of JavaScript); Node 20 has no such cache.
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
require(cli);
