#!/usr/bin/env node
// A tiny shim: load the compiled CLI and run it. Kept minimal so start-up stays close to bare node.
import { run } from "../dist/bin/cli.js";

await run();
