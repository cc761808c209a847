// Lint the TypeScript with typescript-eslint's type-checked rules; formatting is Prettier's job.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "bench/.out/", "node_modules/", "test/fixtures/"] },
  // Stryker's sandboxes (left behind by a failed run) and reports.
  { ignores: [".stryker-tmp*/", "reports/"] },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [...tseslint.configs.strictTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans read fine in messages; objects and undefined in a template are bugs.
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      // The sanitisers exist to match control characters.
      "no-control-regex": "off",
      // Conflicts with no-non-null-assertion: an `as T` after a check is the honest form here.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
    },
  },
  {
    // The core stays pure; dependency-cruiser (.dependency-cruiser.cjs) guards its imports,
    // this guards the globals an import check cannot see.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "src/core is pure: take what you need as an argument." },
        { name: "console", message: "src/core is pure: return messages as data." },
        { name: "Buffer", message: "src/core is pure: use strings or Uint8Array." },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      // Tests poke at parsed JSON and assert shapes; a failed non-null assertion fails the test.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
      },
    },
  },
);
