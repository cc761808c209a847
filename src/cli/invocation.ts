import { isAbsolute, relative } from "node:path";

/**
 * The command the user typed to start the CLI, so hints can be pasted back as they are:
 * `npx social-audit` (npx and npm exec), `node bin/social-audit.js` (the script run by path,
 * relative to where they are), or `social-audit` (the command on PATH, or an npm script).
 */
export function invokedAs(
  env: Readonly<Record<string, string | undefined>>,
  script: string | undefined,
  cwd: string,
): string {
  // A script named by its path comes first: npm's variables leak into every child process.
  if (script && /\.[cm]?js$/.test(script)) {
    const fromCwd = relative(cwd, script);
    const shown = isAbsolute(fromCwd) || fromCwd.startsWith("../..") ? script : fromCwd;
    return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
  }
  if (env.npm_command === "exec") return "npx social-audit";
  return "social-audit";
}

/** Rewrites "social-audit COMMAND" in a message to what the user ran; "social-audit:" prefixes stay. */
export function withInvocation(text: string, command: string | undefined): string {
  if (!command || command === "social-audit") return text;
  return text.replace(
    /(^|[\s`'"(])social-audit (?=(audit|init|interview|compare|schema|rubrics|trend|portfolio)\b)/g,
    (_, before: string) => `${before}${command} `,
  );
}
