import { inflateRawSync } from "node:zlib";

export type ZipProblem = "unreadable" | "too_large";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip archive (an .xlsx), each unpacked under a shared budget of `maxUnpackedBytes`
 * before any library sees the file. The sizes an archive declares may lie, so each entry is
 * inflated with the remaining budget as a hard cap on its output: a zip bomb stops at the budget,
 * costing at most that much memory. Returns the problem instead of throwing.
 */
export function unpackZip(bytes: Uint8Array, maxUnpackedBytes: number): { entries: Map<string, Buffer> } | { problem: ZipProblem } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length || buffer.readUInt32LE(end) !== EOCD) return { problem: "unreadable" };
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  let budget = maxUnpackedBytes;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return { problem: "unreadable" };
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const declaredSize = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const next = offset + 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    const local = buffer.readUInt32LE(offset + 42);
    offset = next;
    if (declaredSize > budget) return { problem: "too_large" };
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) return { problem: "unreadable" };
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressedSize > buffer.length) return { problem: "unreadable" };
    const packed = buffer.subarray(start, start + compressedSize);
    let content: Buffer;
    if (method === 0) content = packed;
    else if (method === 8) {
      try {
        // One byte over the budget is enough to know the entry does not fit.
        content = inflateRawSync(packed, { maxOutputLength: budget + 1 });
      } catch (error) {
        return { problem: (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too_large" : "unreadable" };
      }
    } else return { problem: "unreadable" };
    if (content.byteLength > budget) return { problem: "too_large" };
    budget -= content.byteLength;
    entries.set(name, content);
  }
  return { entries };
}
