import { randomBytes } from "node:crypto";
import { link, mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
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

type Send = (chunk: string | Uint8Array) => Promise<void>;

/**
 * Buffers text into large chunks for `send`, so a slow reader (a pipe to jq) never makes us
 * hold more than a chunk or two, whatever the size of the batch. `send` resolves when it is
 * ready for more; bytes (a worker's lent buffer) only once they are written.
 */
function chunkedWriter(send: Send) {
  let pending: string[] = [];
  let size = 0;
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

/**
 * Sends to a stream, honouring backpressure. Once the stream has failed or closed (a reader
 * that left early), chunks are dropped: the failure is its owner's to report, and the audit
 * still decides the exit code.
 */
function streamSend(stream: NodeJS.WritableStream & { destroyed?: boolean }): Send {
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (stream.destroyed) {
        resolve();
        return;
      }
      const more = stream.write(chunk, (error) => {
        if (error) reject(error);
        else resolve();
      });
      // Text is copied into the stream, so it is enough to wait for room.
      if (typeof chunk === "string") {
        if (more) resolve();
        else
          once(stream, "drain").then(() => {
            resolve();
          }, reject);
      }
    });
}

/**
 * Sends to an open file with at most one write in flight, so the disk writes one chunk while
 * the next reports are built. Every byte is written: a short write (a disk filling up) is
 * continued until the file system says why it cannot take more. (fs.WriteStream drops the
 * rest of a short write silently, which is why it is not used here.)
 */
function fileSend(handle: FileHandle, written: (length: number) => void): Send {
  let inFlight: Promise<void> = Promise.resolve();
  const writeAll = async (bytes: Uint8Array) => {
    for (let offset = 0; offset < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      if (bytesWritten === 0)
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      offset += bytesWritten;
    }
    written(bytes.length);
  };
  return async (chunk) => {
    await inFlight; // a failed write fails the next call
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    inFlight = writeAll(bytes);
    // Text was copied into `bytes`; lent bytes must be written before they are given back.
    if (typeof chunk === "string") inFlight.catch(() => undefined);
    else await inFlight;
  };
}

/** stdout or another stream we do not own: errors on it are its owner's to report. */
export function streamSink(stream: NodeJS.WritableStream): OutputSink {
  const writer = chunkedWriter(streamSend(stream));
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
  const removeTemporary = async () => {
    await rm(temporary, { force: true });
    untrackTemporary(temporary);
  };
  let handle: FileHandle;
  try {
    handle = await open(temporary, "wx", 0o644);
  } catch (error) {
    await removeTemporary();
    throw cannotWrite(display, error);
  }
  // A big batch is flushed to disk in the background as it is written, so the fsync that
  // must come before the rename does not wait for hundreds of megabytes at the very end.
  let unsynced = 0;
  let syncing: Promise<void> | undefined;
  const send = fileSend(handle, (length) => {
    unsynced += length;
    if (unsynced < SYNC_BYTES || syncing) return;
    unsynced = 0;
    syncing = handle
      .datasync()
      .catch(() => undefined) // the final fsync reports any failure
      .finally(() => (syncing = undefined));
  });
  const writer = chunkedWriter(send);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await syncing; // never close a descriptor the thread pool is still using
    await handle.close().catch(() => undefined);
  };
  const fail = async (error: unknown): Promise<never> => {
    await close();
    await removeTemporary();
    throw error instanceof UserError ? error : cannotWrite(display, error);
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
        await send(""); // waits for the last write in flight
        await syncing;
        // On disk before the rename, so a power cut cannot leave an empty file behind the new name.
        await handle.sync();
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
  let handle: FileHandle;
  try {
    handle = await open(file, "w");
  } catch (error) {
    throw cannotWrite(display, error);
  }
  const send = fileSend(handle, () => undefined);
  const writer = chunkedWriter(send);
  const check = async (work: Promise<void>) => {
    try {
      await work;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw cannotWrite(display, error);
    }
  };
  return {
    write: (text) => check(writer.write(text)),
    commit: async () => {
      await check(writer.flush().then(() => send("")));
      await handle.close();
    },
    abort: () => handle.close().catch(() => undefined),
  };
}
