import { describe, expect, it } from "vitest";
import { csvLine, encodeText, formatCell } from "@/lib/deliveries/custom-format/write";
import type { CustomFormat } from "@/lib/deliveries/types";

const comma = { delimiter: ",", quoting: "as_needed", lineEnding: "lf" } as const satisfies Pick<CustomFormat, "delimiter" | "quoting" | "lineEnding">;

describe("csvLine", () => {
  it("quotes only the cells that need it, as needed", () => {
    expect(csvLine(["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", " lead", "trail ", ""], comma)).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere"," lead","trail ",\n',
    );
  });

  it("quotes every cell with quoting all", () => {
    expect(csvLine(["a", "", 'b"c'], { ...comma, quoting: "all" })).toBe('"a","","b""c"\n');
  });

  it("separates cells with tab, semicolon or pipe and quotes cells holding that delimiter", () => {
    expect(csvLine(["a;b", "c,d", "e\tf"], { ...comma, delimiter: ";" })).toBe('"a;b";c,d;e\tf\n');
    expect(csvLine(["a\tb", "c,d", "e;f"], { ...comma, delimiter: "\t" })).toBe('"a\tb"\tc,d\te;f\n');
    expect(csvLine(["a|b", "c"], { ...comma, delimiter: "|" })).toBe('"a|b"|c\n');
  });

  it("ends lines with CRLF when asked", () => {
    expect(csvLine(["a", "b"], { ...comma, lineEnding: "crlf" })).toBe("a,b\r\n");
  });

  it("escapes cells a spreadsheet would run as a formula", () => {
    expect(csvLine(["=SUM(A1)", "+1 555 0100", "-2", "@cmd", "\tx", "safe=1"], comma)).toBe("'=SUM(A1),'+1 555 0100,'-2,'@cmd,'\tx,safe=1\n");
    expect(csvLine(['=HYPERLINK("x")'], comma)).toBe(`"'=HYPERLINK(""x"")"\n`);
  });
});

describe("formatCell", () => {
  it("writes dates in each format, from a stored date or a date-time", () => {
    const date = "2026-08-17";
    expect(formatCell(date, "date", { dateFormat: "YYYY-MM-DD" })).toBe("2026-08-17");
    expect(formatCell(date, "date", { dateFormat: "MM/DD/YYYY" })).toBe("08/17/2026");
    expect(formatCell(date, "date", { dateFormat: "DD/MM/YYYY" })).toBe("17/08/2026");
    expect(formatCell(date, "date", { dateFormat: "YYYYMMDD" })).toBe("20260817");
    expect(formatCell(new Date("2026-01-02T23:30:00Z"), "date", { dateFormat: "MM/DD/YYYY" })).toBe("01/02/2026");
  });

  it("joins lists with commas, writes booleans as true/false, nothing as an empty cell", () => {
    const format = { dateFormat: "YYYY-MM-DD" } as const;
    expect(formatCell(["09", "10"], "list", format)).toBe("09,10");
    expect(formatCell([], "list", format)).toBe("");
    expect(formatCell(true, "boolean", format)).toBe("true");
    expect(formatCell(false, "boolean", format)).toBe("false");
    expect(formatCell(null, "text", format)).toBe("");
    expect(formatCell(undefined, "date", format)).toBe("");
    expect(formatCell(2027, "number", format)).toBe("2027");
  });
});

describe("encodeText", () => {
  it("writes UTF-8, with the BOM only before the first chunk for utf-8-bom", () => {
    expect([...encodeText("é", "utf-8", true)]).toEqual([0xc3, 0xa9]);
    expect([...encodeText("é", "utf-8-bom", true)]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
    expect([...encodeText("é", "utf-8-bom", false)]).toEqual([0xc3, 0xa9]);
  });

  it("writes UTF-16LE with its BOM first", () => {
    expect([...encodeText("A", "utf-16le", true)]).toEqual([0xff, 0xfe, 0x41, 0x00]);
    expect([...encodeText("A", "utf-16le", false)]).toEqual([0x41, 0x00]);
  });

  it("writes latin1, with ? for each character latin1 cannot hold", () => {
    expect([...encodeText("Zoë", "latin1", true)]).toEqual([0x5a, 0x6f, 0xeb]);
    expect(encodeText("Łukasz 😀 Ñ", "latin1", true).toString("latin1")).toBe("?ukasz ? Ñ");
  });
});
