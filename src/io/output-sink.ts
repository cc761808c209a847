import { randomBytes } from "node:crypto";
import { createWriteStream, fdatasync, fsync, type WriteStream } from "node:fs";
import { link, mkdir, rename, rm } from "node:fs/promises";
import { promisify } from "node:util";
import { basename, dirname, join } from "node:path";
import { once } from "node:events";
import { UserError } from "../errors.js";
import { fileExists } from "./write-atomic.js";

/** Where a streamed report goes: written piece by piece (text, or text already encoded as UTF-8), committed at the end. */
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
 * never makes us hold more than a chunk or two, whatever the size of the batch.
 */
function chunkedWriter(
  stream: NodeJS.WritableStream,
  written: (length: number) => void = () => undefined,
) {
  let pending: string[] = [];
  let size = 0;
  const send = async (chunk: string | Uint8Array) => {
    let more: boolean;
    let finished: Promise<void> | undefined;
    if (typeof chunk === "string") more = stream.write(chunk);
    else {
      // Bytes may be reused once this resolves (a worker's buffer), so wait until they are
      // written, not merely queued.
      let settle: (error?: Error | null) => void = () => undefined;
      finished = new Promise<void>(
        (resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())),
      );
      more = stream.write(chunk, settle);
    }
    written(chunk.length);
    if (!more) await once(stream, "drain");
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

export function streamSink(stream: NodeJS.WritableStream): OutputSink {
  const writer = chunkedWriter(stream);
  return { write: writer.write, commit: writer.flush, abort: async () => undefined };
}

/**
 * A file written through a temporary file beside it and renamed into place on commit, so
 * readers see the old file or the complete new one, never a half-written batch.
 */
export async function fileSink(file: string, force: boolean): Promise<OutputSink> {
  if (!force && (await fileExists(file))) {
    throw new UserError(
      `${file}: already exists; refusing to overwrite it`,
      [],
      "Pass --force to replace it, or choose another file.",
    );
  }
  await mkdir(dirname(file), { recursive: true });
  const temporary = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  // Room for a few chunks, so the disk writes them while the next reports are built
  // (with the default 16 KB, every chunk waited for its own write).
  const stream: WriteStream = createWriteStream(temporary, {
    mode: 0o644,
    highWaterMark: 4 * CHUNK_BYTES,
  });
  let fd: number;
  try {
    [fd] = (await once(stream, "open")) as [number];
  } catch (error) {
    throw new UserError(
      `${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
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
    stream.end();
    await once(stream, "close");
  };
  return {
    write: writer.write,
    commit: async () => {
      await writer.flush();
      // Flushed to disk before the rename, so a power cut cannot leave an empty file behind the new name.
      await new Promise<void>((resolve) => stream.write("", () => resolve()));
      await syncing;
      await promisify(fsync)(fd);
      await close();
      try {
        if (force) await rename(temporary, file);
        else await link(temporary, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST")
          throw new UserError(
            `${file}: already exists; refusing to overwrite it`,
            [],
            "Pass --force to replace it.",
          );
        throw new UserError(
          `${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      } finally {
        await rm(temporary, { force: true });
      }
    },
    abort: async () => {
      await close();
      await rm(temporary, { force: true });
    },
  };
}
