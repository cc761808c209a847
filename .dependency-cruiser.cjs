// The layering of src/, as checks (`npm run layers`, run by .ci/run before the tests).
// docs/architecture.md explains each rule; a wrong arrow fails the build instead of waiting
// for a reviewer. Paths are relative to the repository root.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment:
        "A cycle makes two modules one in disguise; break it by moving the shared part down.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "core-is-pure",
      severity: "error",
      comment:
        "src/core takes data and returns data: no files, no terminal, no process (eslint forbids the `process` global there too).",
      from: { path: "^src/core/" },
      to: {
        path: [
          "^src/(io|cli|render|interview|audit|text)/",
          "^(node:)?(fs|fs/promises|process|child_process|worker_threads|readline|tty|net|os)$",
        ],
      },
    },
    {
      name: "render-reads-only-core-and-text",
      severity: "error",
      comment:
        "A renderer is (report, options) => string: it may use core's types and helpers and the shared text module, nothing else of ours.",
      from: { path: "^src/render/" },
      to: { path: "^src/(io|cli|interview|audit)/|^src/errors\\.ts$|^src/index\\.ts$" },
    },
    {
      name: "render-touches-no-process",
      severity: "error",
      comment: "Renderers return strings; writing them is the CLI's job.",
      from: { path: "^src/render/" },
      to: { dependencyTypes: ["core"], path: "^(node:)?(fs|fs/promises|process|child_process)$" },
    },
    {
      name: "only-interview-prompts",
      severity: "error",
      comment: "The interview is the one adapter around the prompt library.",
      from: { path: "^src/", pathNot: "^src/interview/" },
      to: { path: "@inquirer/" },
    },
    {
      name: "nothing-imports-cli",
      severity: "error",
      comment: "src/cli is the outermost shell: argv in, exit code out. Nothing depends on it.",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "text-stands-alone",
      severity: "error",
      comment:
        "src/text (width, wrap, control characters) is shared by render, interview and cli; it imports nothing of ours.",
      from: { path: "^src/text/" },
      to: { path: "^src/", pathNot: "^src/text/" },
    },
    {
      name: "text-users",
      severity: "error",
      comment: "Only the layers that put text in front of people use the shared text module.",
      from: { path: "^src/", pathNot: "^src/(text|render|cli|interview)/" },
      to: { path: "^src/text/" },
    },
    {
      name: "audit-below-cli",
      severity: "error",
      comment:
        "src/audit is the one audit path (plans in, outcomes out); it uses core, io and render, never the interview.",
      from: { path: "^src/audit/" },
      to: { path: "^src/interview/" },
    },
    {
      name: "io-below-render-and-audit",
      severity: "error",
      comment: "io reads and writes files; it knows nothing of formats, audits or prompts.",
      from: { path: "^src/io/" },
      to: { path: "^src/(render|audit|interview)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js"],
    },
  },
};
