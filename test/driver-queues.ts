import { readFileSync } from "node:fs";

/**
 * postgres.js keeps its connections and queries in small queues (src/queue.js), each over a private
 * array. 3.4.9 let that array grow for as long as a queue never emptied (patches/README.md); these
 * helpers let tests and the driver benchmark see it from outside.
 */

/** The queue module that `import postgres from "postgres"` loads, beside the driver's entry point. */
export const driverQueueUrl = new URL("./queue.js", import.meta.resolve("postgres"));

/** Whether the loaded queue module carries our patch (see patches/). */
export const isDriverQueuePatched = () => readFileSync(driverQueueUrl, "utf8").includes("xs.indexOf(x, index)");

/** What postgres.js puts in its queues: its connections, and its queries (a Promise subclass). */
export function isDriverQueueItem(item: unknown): boolean {
  if (item === null || typeof item !== "object") return false;
  const isConnection = "queue" in item && "execute" in item && "terminate" in item;
  const isQuery = item instanceof Promise && "strings" in item && "handler" in item;
  return isConnection || isQuery;
}

export interface ArrayWatch {
  /** The longest array an item was pushed onto since the start or the last reset. */
  largest(): number;
  reset(): void;
  stop(): void;
}

/**
 * A queue's array only grows by push, so watching Array.prototype.push for the queue's items shows
 * how long its array gets. Call stop() when done: until then every push in the process goes through here.
 */
export function watchArraysOf(isItem: (item: unknown) => boolean = isDriverQueueItem): ArrayWatch {
  const push = Array.prototype.push;
  let largest = 0;
  Array.prototype.push = function (this: unknown[], ...items: unknown[]) {
    const length = push.apply(this, items);
    if (length > largest && isItem(items[0])) largest = length;
    return length;
  };
  return {
    largest: () => largest,
    reset: () => {
      largest = 0;
    },
    stop: () => {
      Array.prototype.push = push;
    },
  };
}
