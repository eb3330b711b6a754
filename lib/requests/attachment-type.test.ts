import { describe, expect, it } from "vitest";
import { cleanFilename } from "./attachment-type";

describe("an upload keeps an extension that matches what it is", () => {
  it("names a PNG called x.html x.png, whatever the name claimed", () => {
    expect(cleanFilename("x.html", "png")).toBe("x.png");
    expect(cleanFilename("合同.exe", "pdf")).toBe("合同.pdf");
    expect(cleanFilename("scan.pdf.svg", "png")).toBe("scan.pdf.png");
  });

  it("keeps a name whose extension already says what it is, in any case and spelling", () => {
    expect(cleanFilename("购销合同（2025）.pdf", "pdf")).toBe("购销合同（2025）.pdf");
    expect(cleanFilename("Photo.JPEG", "jpg")).toBe("Photo.JPEG");
    expect(cleanFilename("对账单.xlsx", "xlsx")).toBe("对账单.xlsx");
  });

  it("adds the extension to a name without one, and names a nameless file", () => {
    expect(cleanFilename("对账单", "xlsx")).toBe("对账单.xlsx");
    expect(cleanFilename("../../", "pdf")).toBe("attachment.pdf");
    expect(cleanFilename("a\u0000b.html", "gif")).toBe("ab.gif");
  });
});
