"use strict";
// A worker thread of `social-audit audit` (see src/cli/parallel-audit.ts), loaded through the
// same code cache as the CLI itself.
require("./social-audit.js").loadCli().cli.runAuditWorker();
