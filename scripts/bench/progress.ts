/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per step otherwise). */
export function progressBar(total: number) {
  const started = performance.now();
  const isTty = process.stderr.isTTY;
  let done = 0;
  let lastLabel = "";
  const draw = (label: string) => {
    const share = total ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${((performance.now() - started) / 1000).toFixed(0)} s  ${label}`;
    if (isTty) process.stderr.write(`\r${line}\x1b[K`);
    else if (label !== lastLabel) process.stderr.write(`${line}\n`);
    lastLabel = label;
  };
  return {
    /** Counts `rows` more as done and shows what is being written. */
    advance(rows: number, label: string) {
      done += rows;
      draw(label);
    },
    show: draw,
    finish() {
      done = total;
      draw("done");
      if (isTty) process.stderr.write("\n");
    },
  };
}
