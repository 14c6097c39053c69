import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("clientAddressFrom", () => {
  it("believes X-Forwarded-For only when TRUST_PROXY says a proxy sets it", () => {
    expect(clientAddressFrom("203.0.113.7", false)).toBeNull();
    expect(clientAddressFrom("203.0.113.7", true)).toBe("203.0.113.7");
  });

  it("takes the entry the trusted proxy appended (the last), not what the client wrote first", () => {
    expect(clientAddressFrom("1.2.3.4, 203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientAddressFrom("1.2.3.4,2001:db8::1", true)).toBe("2001:db8::1");
  });

  it("is null for a missing or malformed header", () => {
    expect(clientAddressFrom(null, true)).toBeNull();
    expect(clientAddressFrom("", true)).toBeNull();
    expect(clientAddressFrom("1.2.3.4, not-an-ip", true)).toBeNull();
    expect(clientAddressFrom("1.2.3.4, ", true)).toBeNull();
  });
});
