import { randomBytes } from "node:crypto";
import { createWriteStream, fdatasync, fsync, type WriteStream } from "node:fs";
import { link, mkdir, open, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { UserError } from "../errors.js";
import { cannotWrite, errorCode } from "./file-errors.js";
import { inspectTarget, type TargetRules } from "./output-target.js";
import { trackTemporary, untrackTemporary } from "./pending-files.js";

/** Where a report goes: written piece by piece (text, or text already encoded as UTF-8), committed at the end. */
export interface OutputSink {
  write(text: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Writes are gathered into chunks of this size: one write per report would cost a syscall each. */
const CHUNK_BYTES = 1024 * 1024;

/** How much written output may wait for the disk before a background flush starts. */
const SYNC_BYTES = 32 * CHUNK_BYTES;

/**
 * Buffers text into large chunks and honours backpressure, so a slow reader (a pipe to jq)
 * never makes us hold more than a chunk or two, whatever the size of the batch. Once the
 * stream has failed or closed (a reader that left early), further writes are dropped: the
 * failure is reported by whoever owns the stream, and the audit still decides the exit code.
 */
function chunkedWriter(
  stream: NodeJS.WritableStream & { destroyed?: boolean },
  written: (length: number) => void = () => undefined,
) {
  let pending: string[] = [];
  let size = 0;
  const send = async (chunk: string | Uint8Array) => {
    if (stream.destroyed) return;
    // Bytes may be reused once this resolves (a worker's buffer), so wait until they are
    // written, not merely queued; a failed write rejects here.
    const finished = new Promise<void>((resolve, reject) => {
      const more = stream.write(chunk, (error) => {
        if (error) reject(error);
        else resolve();
      });
      written(chunk.length);
      // Text is copied into the stream, so it is enough to wait for room (the stream's owner
      // sees a failed write as an "error" event).
      if (typeof chunk === "string") {
        if (more) resolve();
        else
          once(stream, "drain").then(() => {
            resolve();
          }, reject);
      }
    });
    await finished;
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    size = 0;
    await send(text);
  };
  return {
    write: async (text: string | Uint8Array) => {
      if (typeof text !== "string") {
        // Already a chunk of its own (a batch from a worker thread): written as it is, in order.
        await flush();
        await send(text);
        return;
      }
      pending.push(text);
      size += text.length;
      if (size >= CHUNK_BYTES) await flush();
    },
    flush,
  };
}

/** stdout or another stream we do not own: errors on it are its owner's to report. */
export function streamSink(stream: NodeJS.WritableStream): OutputSink {
  const writer = chunkedWriter(stream);
  const quiet = (work: Promise<void>) => work.catch(() => undefined);
  return {
    write: (text) => quiet(writer.write(text)),
    commit: () => quiet(writer.flush()),
    abort: () => Promise.resolve(),
  };
}

export interface FileSinkOptions extends TargetRules {
  /** The file's absolute path. */
  file: string;
}

/**
 * A report written to a file. A regular file is written through a temporary file beside it,
 * flushed to disk, and renamed into place on commit, so readers see the old file or the
 * complete new one, never a half-written batch, and a reported success survives a power cut.
 * A device or pipe (`-o /dev/stdout`, a FIFO) is written to directly and never replaced.
 */
export async function fileSink(options: FileSinkOptions): Promise<OutputSink> {
  const { file, display } = options;
  const target = await inspectTarget(file, options);
  if (target === "device") return deviceSink(file, display);
  const folder = dirname(file);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw cannotWrite(display, error, "Check the folder part of the path.");
  }
  const temporary = join(
    folder,
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  trackTemporary(temporary);
  // Room for a few chunks, so the disk writes them while the next reports are built
  // (with the default 16 KB, every chunk waited for its own write).
  const stream: WriteStream = createWriteStream(temporary, {
    mode: 0o644,
    flags: "wx",
    highWaterMark: 4 * CHUNK_BYTES,
  });
  let failure: Error | undefined;
  stream.on("error", (error) => (failure ??= error));
  const removeTemporary = async () => {
    await rm(temporary, { force: true });
    untrackTemporary(temporary);
  };
  let fd: number;
  try {
    [fd] = (await once(stream, "open")) as [number];
  } catch (error) {
    await removeTemporary();
    throw cannotWrite(display, error);
  }
  // A big batch is flushed to disk in the background as it is written, so the fsync that
  // must come before the rename does not wait for hundreds of megabytes at the very end.
  let unsynced = 0;
  let syncing: Promise<void> | undefined;
  const writer = chunkedWriter(stream, (length) => {
    unsynced += length;
    if (unsynced < SYNC_BYTES || syncing) return;
    unsynced = 0;
    syncing = promisify(fdatasync)(fd)
      .catch(() => undefined) // the final fsync reports any failure
      .finally(() => (syncing = undefined));
  });
  const close = async () => {
    await syncing; // never close a descriptor the thread pool is still using
    if (!stream.closed) {
      stream.destroy();
      await once(stream, "close").catch(() => undefined);
    }
  };
  const fail = async (error: unknown): Promise<never> => {
    await close();
    await removeTemporary();
    throw error instanceof UserError ? error : cannotWrite(display, failure ?? error);
  };
  return {
    write: async (text) => {
      try {
        await writer.write(text);
      } catch (error) {
        await fail(error);
      }
    },
    commit: async () => {
      try {
        await writer.flush();
        await syncing;
        // On disk before the rename, so a power cut cannot leave an empty file behind the new name.
        await promisify(fsync)(fd);
        if (failure) throw cannotWrite(display, failure);
        await close();
        if (options.force || target === "file") await rename(temporary, file);
        else await link(temporary, file); // fails if someone created the file meanwhile
        await syncFolder(folder);
      } catch (error) {
        if (errorCode(error) === "EEXIST" && target === "new")
          await fail(
            new UserError(
              `${display}: already exists; refusing to overwrite it`,
              [],
              "Pass --force to replace it.",
            ),
          );
        await fail(error);
      }
      await removeTemporary();
    },
    abort: async () => {
      await close();
      await removeTemporary();
    },
  };
}

/** The rename itself is made durable by flushing the folder that holds the name. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // Some file systems cannot sync a folder; the data itself is already on disk.
  } finally {
    await handle?.close();
  }
}

/** A character device or FIFO: written straight through; nothing to rename or clean up. */
async function deviceSink(file: string, display: string): Promise<OutputSink> {
  const stream = createWriteStream(file, { flags: "w" });
  let failure: unknown;
  stream.on("error", (error) => (failure ??= error));
  try {
    await once(stream, "open");
  } catch (error) {
    throw cannotWrite(display, error);
  }
  const writer = chunkedWriter(stream);
  const check = async (work: Promise<void>) => {
    try {
      await work;
    } catch (error) {
      stream.destroy();
      throw cannotWrite(display, failure ?? error);
    }
    if (failure) throw cannotWrite(display, failure);
  };
  return {
    write: (text) => check(writer.write(text)),
    commit: async () => {
      await check(writer.flush());
      stream.end();
      await check(once(stream, "finish").then(() => undefined));
    },
    abort: () => {
      stream.destroy();
      return Promise.resolve();
    },
  };
}
