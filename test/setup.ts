import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.js";

// Runs in every test file: the temporary folders it made go when it ends.
afterAll(() => {
  removeTempDirs();
});
