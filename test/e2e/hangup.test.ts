import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, tempDir } from "../helpers.js";
import { Terminal } from "./terminal.js";

let terminal: Terminal | undefined;
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

/**
 * Closing the terminal window mid-interview: the pty hangs up, the CLI gets SIGHUP and EIO
 * from its terminal. On Node 20 the exit itself used to abort (SIGABRT, a native stack)
 * while putting the dead terminal back in cooked mode.
 */
describe.skipIf(!Terminal.available())("interview when the terminal is closed", () => {
  it("exits 130, not with an abort, and keeps the answers given", async () => {
    const dir = tempDir();
    // The shell ignores the hang-up so it can record how the CLI ended (the CLI sets its own
    // handler). Its one line goes to the terminal that is gone, so the exit code is the
    // witness: 130, where the abort was 134.
    writeFileSync(
      join(dir, "run.sh"),
      ["trap '' HUP", `node '${BIN}' interview --out plan.yaml`, "echo $? > code.txt"].join("\n"),
    );
    terminal = new Terminal();
    terminal.start("sh run.sh", dir, { columns: 80, rows: 30 });
    await terminal.answerNames("Harbour Lane Bakery", "Sam Ortiz");
    await terminal.waitFor("About the organisation");

    terminal.kill();

    const code = join(dir, "code.txt");
    for (let waited = 0; !existsSync(code) && waited < 20_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(code, "utf8").trim()).toBe("130");
    expect(parse(readFileSync(join(dir, "plan.yaml"), "utf8"))).toMatchObject({
      organization: "Harbour Lane Bakery",
      auditor: "Sam Ortiz",
    });
  });
});
