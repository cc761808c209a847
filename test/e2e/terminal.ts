import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";

/**
 * A real terminal for end-to-end tests: the CLI runs in a tmux pane, keys are typed with
 * send-keys and the screen is read with capture-pane, as a person would use it.
 */
export class Terminal {
  static available(): boolean {
    return spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
  }

  private readonly socket = `social-audit-test-${randomBytes(4).toString("hex")}`;

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  /** Starts `command` in a shell in `cwd`; when it ends the pane shows `__EXIT=<code>`. */
  start(
    command: string,
    cwd: string,
    size: { columns: number; rows: number } = { columns: 120, rows: 50 },
  ): void {
    // CI=true would (rightly) make the CLI refuse to prompt, so the pane runs without it.
    const script = `cd '${cwd}' && env -u CI NO_COLOR=1 ${command}; echo "__EXIT=$?"; sleep 120`;
    this.tmux(
      "new-session",
      "-d",
      "-s",
      "main",
      "-x",
      String(size.columns),
      "-y",
      String(size.rows),
      "sh",
      "-c",
      script,
    );
  }

  /** Resizes the terminal, as dragging its window would; the program gets SIGWINCH. */
  resize(columns: number, rows: number): void {
    this.tmux("resize-window", "-t", "main", "-x", String(columns), "-y", String(rows));
  }

  screen(): string {
    return this.tmux("capture-pane", "-p", "-J", "-t", "main", "-S", "-3000");
  }

  async waitFor(
    pattern: string | RegExp | ((screen: string) => boolean),
    timeoutMs = 20_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const matches = (screen: string) =>
      typeof pattern === "string"
        ? screen.includes(pattern)
        : pattern instanceof RegExp
          ? pattern.test(screen)
          : pattern(screen);
    for (;;) {
      const screen = this.screen();
      if (matches(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${String(pattern)}; screen:\n${screen.slice(-2000)}`,
        );
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Types literal text (no key names), e.g. an organisation's name. */
  type(text: string): void {
    this.tmux("send-keys", "-t", "main", "-l", text);
  }

  keys(...keys: string[]): void {
    this.tmux("send-keys", "-t", "main", ...keys);
  }

  /** Answers the interview's opening prompts; an empty auditor is skipped with Enter. */
  async answerNames(organization: string, auditor = ""): Promise<void> {
    await this.waitFor("? Organisation name");
    this.type(organization);
    this.keys("Enter");
    await this.waitFor("? Auditor name");
    if (auditor) this.type(auditor);
    this.keys("Enter");
  }

  async exitCode(timeoutMs = 20_000): Promise<number> {
    const screen = await this.waitFor(/__EXIT=\d+/, timeoutMs);
    return Number(/__EXIT=(\d+)/.exec(screen)?.[1]);
  }

  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}
