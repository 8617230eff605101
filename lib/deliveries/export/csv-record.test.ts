import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvRecord } from "@/lib/deliveries/export/csv-record";

describe("csvRecord", () => {
  it("writes the same line csv-stringify writes, quoting only cells that need it", () => {
    const cells = ["plain", "", "a,b", 'say "hi"', "two\nlines", "cr\rhere", " spaced ", "+1 555 0100", "=1+1", "Zoë"];
    expect(csvRecord(cells)).toBe(stringify([cells]));
    expect(csvRecord(cells)).toBe('plain,,"a,b","say ""hi""","two\nlines","cr\rhere", spaced ,+1 555 0100,=1+1,Zoë\n');
  });
});
